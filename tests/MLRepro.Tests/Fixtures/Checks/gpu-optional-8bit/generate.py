import argparse

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

try:
    import bitsandbytes as bnb  # only needed for --load-8bit
except ImportError:
    bnb = None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="gpt2")
    parser.add_argument("--load-8bit", action="store_true")
    parser.add_argument("--prompt", required=True)
    args = parser.parse_args()

    device = "cuda" if torch.cuda.is_available() else "cpu"
    if args.load_8bit:
        model = AutoModelForCausalLM.from_pretrained(args.model, load_in_8bit=True, device_map={"": 0})
    else:
        model = AutoModelForCausalLM.from_pretrained(args.model).to(device)
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    inputs = tokenizer(args.prompt, return_tensors="pt").to(model.device)
    print(tokenizer.decode(model.generate(**inputs, max_new_tokens=64)[0]))


if __name__ == "__main__":
    main()
