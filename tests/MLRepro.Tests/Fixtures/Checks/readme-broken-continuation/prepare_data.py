import argparse

from datasets import load_dataset


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    ds = load_dataset("json", data_files=args.input)["train"]
    ds = ds.map(lambda r: {"text": f"### Instruction: {r['instruction']}\n### Response: {r['output']}"})
    ds.save_to_disk(args.output)


if __name__ == "__main__":
    main()
