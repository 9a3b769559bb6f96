"""Full fine-tuning of a causal language model on an instruction dataset."""
import fire
import torch
import transformers
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer


def train(base_model: str = "", data_path: str = "data/instructions.json", output_dir: str = "./ft-out",
          micro_batch_size: int = 4, num_epochs: int = 3, learning_rate: float = 3e-4, val_set_size: int = 200):
    tokenizer = AutoTokenizer.from_pretrained(base_model)
    model = AutoModelForCausalLM.from_pretrained(base_model, torch_dtype=torch.float16)

    data = load_dataset("json", data_files=data_path)
    split = data["train"].train_test_split(test_size=val_set_size, shuffle=True, seed=42)
    trainer = transformers.Trainer(
        model=model,
        train_dataset=split["train"].map(lambda x: tokenizer(x["text"])),
        eval_dataset=split["test"].map(lambda x: tokenizer(x["text"])),
        args=transformers.TrainingArguments(
            per_device_train_batch_size=micro_batch_size,
            num_train_epochs=num_epochs,
            learning_rate=learning_rate,
            output_dir=output_dir,
        ),
        data_collator=transformers.DataCollatorForSeq2Seq(tokenizer, return_tensors="pt", padding=True),
    )
    trainer.train()
    model.save_pretrained(output_dir)


if __name__ == "__main__":
    fire.Fire(train)
