"""Fine-tunes a small causal LM; training arguments come from the command line."""
import transformers
from transformers import Trainer


def train():
    parser = transformers.HfArgumentParser(transformers.TrainingArguments)
    (training_args,) = parser.parse_args_into_dataclasses()
    model = transformers.AutoModelForCausalLM.from_pretrained("sshleifer/tiny-gpt2")
    tokenizer = transformers.AutoTokenizer.from_pretrained("sshleifer/tiny-gpt2")
    ids = tokenizer(["hello world"] * 8, return_tensors="pt")["input_ids"]
    data = [{"input_ids": row, "labels": row} for row in ids]
    trainer = Trainer(model=model, tokenizer=tokenizer, args=training_args, train_dataset=data)
    trainer.train()
    trainer.save_model(training_args.output_dir)


if __name__ == "__main__":
    train()
