import argparse

from transformers import AutoModelForCausalLM, AutoTokenizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_dir", default="./checkpoints")
    parser.add_argument("--prompt", required=True)
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model_dir)
    model = AutoModelForCausalLM.from_pretrained(args.model_dir)
    ids = tokenizer(args.prompt, return_tensors="pt")["input_ids"]
    print(tokenizer.decode(model.generate(ids, max_new_tokens=128)[0]))


if __name__ == "__main__":
    main()
