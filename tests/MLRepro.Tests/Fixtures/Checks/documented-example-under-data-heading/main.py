import argparse
import json


def load(path, prompt_column, response_column, history_column):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            history = record.get(history_column) or []
            context = "".join(f"[Round {i}]\nQ: {q}\nA: {a}\n" for i, (q, a) in enumerate(history))
            rows.append((context + record[prompt_column], record[response_column]))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train_file", required=True)
    parser.add_argument("--prompt_column", default="prompt")
    parser.add_argument("--response_column", default="response")
    parser.add_argument("--history_column", default=None)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    rows = load(args.train_file, args.prompt_column, args.response_column, args.history_column)
    print(f"{len(rows)} training pairs")


if __name__ == "__main__":
    main()
