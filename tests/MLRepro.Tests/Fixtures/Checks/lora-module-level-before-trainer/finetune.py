"""LoRA fine-tuning written as a flat script: everything runs at module level, top to bottom."""
import sys

import torch
import transformers
from datasets import load_dataset
from peft import LoraConfig, get_peft_model

BASE_MODEL = sys.argv[1]
DATA_PATH = sys.argv[2]

model = transformers.AutoModelForCausalLM.from_pretrained(BASE_MODEL, torch_dtype=torch.float16)
tokenizer = transformers.AutoTokenizer.from_pretrained(BASE_MODEL)
model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM"))

data = load_dataset("json", data_files=DATA_PATH)
train_data = data["train"].shuffle()

trainer = transformers.Trainer(
    model=model,
    train_dataset=train_data,
    args=transformers.TrainingArguments(output_dir="lora-out", num_train_epochs=3, learning_rate=3e-4),
    data_collator=transformers.DataCollatorForSeq2Seq(tokenizer, return_tensors="pt", padding=True),
)
trainer.train()
model.save_pretrained("lora-out")
