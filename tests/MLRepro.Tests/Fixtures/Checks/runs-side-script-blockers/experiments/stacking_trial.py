# Quick stacking trial on the full export (not part of the published pipeline).
import pandas as pd
from sklearn.linear_model import LogisticRegression

from .blend_utils import stack_predictions

if __name__ == "__main__":
    full = pd.read_csv("/home/dana/exports/churn_full_2023.csv")
    preds = stack_predictions(full, [LogisticRegression(max_iter=500)])
    print(preds[:10])
