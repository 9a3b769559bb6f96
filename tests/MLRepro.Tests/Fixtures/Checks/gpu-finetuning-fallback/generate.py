import argparse

import torch
from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer

parser = argparse.ArgumentParser()
parser.add_argument("--base_model", default="huggyllama/llama-7b")
parser.add_argument("--lora_weights", default="lora-alpaca")
parser.add_argument("--prompt", required=True)
args = parser.parse_args()

device = "cuda" if torch.cuda.is_available() else "cpu"
tokenizer = AutoTokenizer.from_pretrained(args.base_model)
model = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(args.base_model), args.lora_weights).to(device)
inputs = tokenizer(f"### Instruction:\n{args.prompt}\n\n### Response:\n", return_tensors="pt").to(device)
with torch.no_grad():
    print(tokenizer.decode(model.generate(**inputs, max_new_tokens=128)[0], skip_special_tokens=True))
