import yaml
from datasets import load_dataset


def main():
    params = yaml.safe_load(open("params.yaml"))["prepare"]
    ds = load_dataset("json", data_files=params["source"])["train"]
    # No seed= and no generator=: datasets derives the permutation from NumPy's global state.
    ds = ds.shuffle()
    n = params["eval_rows"]
    ds.select(range(n)).to_json(params["out_dir"] + "/eval.jsonl")
    ds.select(range(n, len(ds))).to_json(params["out_dir"] + "/train.jsonl")


if __name__ == "__main__":
    main()
