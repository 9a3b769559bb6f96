import gc

import numpy as np
import pandas as pd


def bureau_features():
    bureau = pd.read_csv("input/bureau.csv")
    agg = bureau.groupby("SK_ID_CURR").agg({"DAYS_CREDIT": ["min", "max", "mean"], "AMT_CREDIT_SUM": ["sum", "mean"]})
    agg.columns = ["BURO_" + "_".join(c).upper() for c in agg.columns]
    del bureau
    gc.collect()
    return agg


def installment_features():
    ins = pd.read_csv("input/installments_payments.csv")
    ins["PAYMENT_DIFF"] = ins["AMT_INSTALMENT"] - ins["AMT_PAYMENT"]
    agg = ins.groupby("SK_ID_CURR").agg({"PAYMENT_DIFF": ["max", "mean", "sum"]})
    agg.columns = ["INSTAL_" + "_".join(c).upper() for c in agg.columns]
    del ins
    gc.collect()
    return agg


if __name__ == "__main__":
    df = pd.read_csv("input/application_train.csv")
    df["CREDIT_TERM"] = df["AMT_ANNUITY"] / df["AMT_CREDIT"].replace(0, np.nan)
    df = df.join(bureau_features(), on="SK_ID_CURR").join(installment_features(), on="SK_ID_CURR")
    df.to_pickle("features/train_features.pkl")
