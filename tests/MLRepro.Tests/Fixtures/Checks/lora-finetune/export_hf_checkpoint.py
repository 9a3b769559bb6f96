"""Merges the LoRA weights into the base model and saves a plain Hugging Face checkpoint."""
import os

from peft import PeftModel
from transformers import AutoModelForCausalLM

BASE_MODEL = os.environ.get("BASE_MODEL")

if __name__ == "__main__":
    base = AutoModelForCausalLM.from_pretrained(BASE_MODEL)
    merged = PeftModel.from_pretrained(base, "./lora-out").merge_and_unload()
    merged.save_pretrained("./hf_ckpt")
