"""Supervised fine-tuning of a causal language model (Alpaca-style instructions), arguments from the command line."""
import os
import sys
from dataclasses import dataclass, field
from typing import Optional

import torch
from datasets import load_dataset
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    DataCollatorForLanguageModeling,
    HfArgumentParser,
    Trainer,
    TrainingArguments,
    set_seed,
)


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="EleutherAI/polyglot-ko-1.3b")
    torch_dtype: Optional[str] = field(default="float16")


@dataclass
class DataArguments:
    train_file: str = field(default="data/instructions.jsonl")
    block_size: int = field(default=512)


def main():
    parser = HfArgumentParser((ModelArguments, DataArguments, TrainingArguments))
    if len(sys.argv) == 2 and sys.argv[1].endswith(".json"):
        model_args, data_args, training_args = parser.parse_json_file(json_file=os.path.abspath(sys.argv[1]))
    else:
        model_args, data_args, training_args = parser.parse_args_into_dataclasses()

    # Seed before the model is created so that new weights (the LM head resize) are reproducible.
    set_seed(training_args.seed)

    tokenizer = AutoTokenizer.from_pretrained(model_args.model_name_or_path)
    model = AutoModelForCausalLM.from_pretrained(model_args.model_name_or_path, torch_dtype=getattr(torch, model_args.torch_dtype))
    model.resize_token_embeddings(len(tokenizer))

    raw = load_dataset("json", data_files=data_args.train_file)["train"]
    split = raw.train_test_split(test_size=0.05, seed=training_args.seed)
    tokenized = split.map(lambda x: tokenizer(x["text"], truncation=True, max_length=data_args.block_size), batched=True)

    trainer = Trainer(
        model=model,
        args=training_args,
        train_dataset=tokenized["train"],
        eval_dataset=tokenized["test"],
        data_collator=DataCollatorForLanguageModeling(tokenizer, mlm=False),
    )
    trainer.train()
    trainer.save_model()


if __name__ == "__main__":
    main()
