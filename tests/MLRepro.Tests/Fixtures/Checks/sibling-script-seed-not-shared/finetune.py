"""LoRA fine-tuning: the adapters are created before the Trainer seeds."""
import fire
import transformers
from datasets import load_dataset
from peft import LoraConfig, get_peft_model


def train(base_model: str = "", data_path: str = "data.json", output_dir: str = "lora-out"):
    model = transformers.AutoModelForCausalLM.from_pretrained(base_model)
    model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM"))
    data = load_dataset("json", data_files=data_path)
    trainer = transformers.Trainer(
        model=model,
        train_dataset=data["train"],
        args=transformers.TrainingArguments(output_dir=output_dir, num_train_epochs=3),
    )
    trainer.train()
    model.save_pretrained(output_dir)


if __name__ == "__main__":
    fire.Fire(train)
