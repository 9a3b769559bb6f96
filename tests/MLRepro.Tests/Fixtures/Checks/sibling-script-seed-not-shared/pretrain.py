"""Continued pre-training: a separate script, seeded at start-up."""
import fire
import torch
import transformers
from datasets import load_dataset
from peft import LoraConfig, get_peft_model


def train(base_model: str = "", data_path: str = "corpus.json", output_dir: str = "clm-out"):
    torch.manual_seed(0)
    model = transformers.AutoModelForCausalLM.from_pretrained(base_model)
    model = get_peft_model(model, LoraConfig(r=16, lora_alpha=32, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM"))
    data = load_dataset("json", data_files=data_path)
    trainer = transformers.Trainer(model=model, train_dataset=data["train"], args=transformers.TrainingArguments(output_dir=output_dir))
    trainer.train()


if __name__ == "__main__":
    fire.Fire(train)
