import fire
from datasets import load_dataset
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments


def train(
    base_model: str = "gpt2",
    data_path: str = "acme-nlp/instructions-cleaned",
    output_dir: str = "./lora-out",
    num_epochs: int = 3,
    cutoff_len: int = 256,
):
    tokenizer = AutoTokenizer.from_pretrained(base_model)
    tokenizer.pad_token = tokenizer.eos_token

    def tokenize(example):
        text = example["instruction"] + "\n" + example["output"]
        return tokenizer(text, truncation=True, max_length=cutoff_len)

    if data_path.endswith(".json") or data_path.endswith(".jsonl"):
        data = load_dataset("json", data_files=data_path)
    else:
        data = load_dataset(data_path)

    train_data = data["train"].shuffle(seed=42).map(tokenize)
    model = get_peft_model(AutoModelForCausalLM.from_pretrained(base_model), LoraConfig(r=8, lora_alpha=16))
    args = TrainingArguments(output_dir=output_dir, num_train_epochs=num_epochs, seed=42)
    Trainer(model=model, args=args, train_dataset=train_data).train()
    model.save_pretrained(output_dir)


if __name__ == "__main__":
    fire.Fire(train)
