import sys

import torch
from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer

if torch.cuda.is_available():
    device = "cuda"
else:
    device = "cpu"


def main(base_model: str, lora_weights: str = "./lora-out"):
    tokenizer = AutoTokenizer.from_pretrained(base_model)
    model = AutoModelForCausalLM.from_pretrained(base_model, device_map={"": device}, low_cpu_mem_usage=True)
    model = PeftModel.from_pretrained(model, lora_weights, device_map={"": device})
    prompt = sys.stdin.read()
    inputs = tokenizer(prompt, return_tensors="pt").to(device)
    print(tokenizer.decode(model.generate(**inputs, max_new_tokens=128)[0]))


if __name__ == "__main__":
    main(sys.argv[1])
