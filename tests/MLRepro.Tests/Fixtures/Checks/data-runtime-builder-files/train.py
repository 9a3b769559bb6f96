import argparse

from datasets import load_dataset
from transformers import AutoModel, AutoTokenizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train_file", required=True, help="a .txt or .csv training file")
    parser.add_argument("--model_name", default="bert-base-uncased")
    parser.add_argument("--output_dir", default="result")
    args = parser.parse_args()

    data_files = {"train": args.train_file}
    extension = args.train_file.split(".")[-1]
    if extension == "txt":
        extension = "text"
    raw = load_dataset(extension, data_files=data_files, cache_dir="./data/")
    tokenizer = AutoTokenizer.from_pretrained(args.model_name)
    model = AutoModel.from_pretrained(args.model_name)
    column = raw["train"].column_names[0]
    batch = tokenizer(raw["train"][column][:8], padding=True, return_tensors="pt")
    print(model(**batch).last_hidden_state.shape)
    model.save_pretrained(args.output_dir)


if __name__ == "__main__":
    main()
