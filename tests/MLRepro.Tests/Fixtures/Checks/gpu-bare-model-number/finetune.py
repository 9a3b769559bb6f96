import os

import fire
import torch
from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments


def train(base_model: str = "huggyllama/llama-7b", output_dir: str = "./lora-out", micro_batch_size: int = 4):
    world_size = int(os.environ.get("WORLD_SIZE", 1))
    device_map = "auto"
    if world_size != 1:
        device_map = {"": int(os.environ.get("LOCAL_RANK") or 0)}

    model = AutoModelForCausalLM.from_pretrained(
        base_model,
        load_in_8bit=True,
        torch_dtype=torch.float16,
        device_map=device_map,
    )
    tokenizer = AutoTokenizer.from_pretrained(base_model)
    model = prepare_model_for_kbit_training(model)
    model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, task_type="CAUSAL_LM"))
    args = TrainingArguments(output_dir=output_dir, per_device_train_batch_size=micro_batch_size, fp16=True)
    Trainer(model=model, args=args, tokenizer=tokenizer).train()
    model.save_pretrained(output_dir)


if __name__ == "__main__":
    fire.Fire(train)
