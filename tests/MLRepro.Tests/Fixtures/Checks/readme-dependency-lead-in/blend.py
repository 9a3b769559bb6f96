import numpy as np
import pandas as pd

lgb_pred = pd.read_csv("lgb_oof.csv")["pred"].values
nn_pred = np.load("nn_pred.npy").ravel()
pd.DataFrame({"target": (lgb_pred + nn_pred) / 2}).to_csv("submission.csv", index=False)
