"""Instruction fine-tuning with the Hugging Face Trainer; every argument is a command-line flag."""
from dataclasses import dataclass, field

import transformers
from datasets import load_dataset
from transformers import Trainer


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="facebook/opt-125m")


@dataclass
class DataArguments:
    data_path: str = field(default="data/alpaca.json")


@dataclass
class TrainingArguments(transformers.TrainingArguments):
    model_max_length: int = field(default=512)
    optim: str = field(default="adamw_torch")


def train():
    parser = transformers.HfArgumentParser((ModelArguments, DataArguments, TrainingArguments))
    model_args, data_args, training_args = parser.parse_args_into_dataclasses()
    tokenizer = transformers.AutoTokenizer.from_pretrained(model_args.model_name_or_path, model_max_length=training_args.model_max_length)
    model = transformers.AutoModelForCausalLM.from_pretrained(model_args.model_name_or_path)
    data = load_dataset("json", data_files=data_args.data_path)["train"].map(lambda x: tokenizer(x["text"]))
    trainer = Trainer(model=model, tokenizer=tokenizer, args=training_args, train_dataset=data)
    trainer.train()
    trainer.save_model(training_args.output_dir)


if __name__ == "__main__":
    train()
