import argparse
import json


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    print(sum(len(t) for t in texts), "characters")


if __name__ == "__main__":
    main()
