"""Predicts the species of a penguin you describe, with the trained model.

    python src/predict.py --bill-length 39.1 --bill-depth 18.7 --flipper-length 181 --body-mass 3750
    python src/predict.py --csv my_penguins.csv   # any CSV with the columns of data/README.md
"""
import argparse
import pickle

import pandas as pd

FEATURES = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="models/model.pkl", help="trained model (output of the train stage)")
    parser.add_argument("--csv", help="a CSV of penguins to classify")
    parser.add_argument("--bill-length", type=float)
    parser.add_argument("--bill-depth", type=float)
    parser.add_argument("--flipper-length", type=float)
    parser.add_argument("--body-mass", type=float)
    args = parser.parse_args()

    if args.csv:
        rows = pd.read_csv(args.csv)
    else:
        values = [args.bill_length, args.bill_depth, args.flipper_length, args.body_mass]
        if any(v is None for v in values):
            parser.error("give all four measurements, or --csv")
        rows = pd.DataFrame([values], columns=FEATURES)

    with open(args.model, "rb") as f:
        model = pickle.load(f)
    for species in model.predict(rows[FEATURES]):
        print(species)


if __name__ == "__main__":
    main()
