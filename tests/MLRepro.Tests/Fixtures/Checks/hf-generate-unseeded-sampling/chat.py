import sys

from transformers import AutoModelForCausalLM, AutoTokenizer


def main(model_dir="outputs/chat-gpt2"):
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForCausalLM.from_pretrained(model_dir)
    prompt = input("you> ")
    inputs = tokenizer(prompt + "\n", return_tensors="pt")
    out = model.generate(**inputs, max_new_tokens=64, do_sample=True, top_p=0.9, temperature=0.8)
    print(tokenizer.decode(out[0][inputs["input_ids"].shape[1]:], skip_special_tokens=True))


if __name__ == "__main__":
    main(*sys.argv[1:])
