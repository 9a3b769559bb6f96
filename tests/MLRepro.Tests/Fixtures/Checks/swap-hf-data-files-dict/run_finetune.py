import logging
import os
import sys
from dataclasses import dataclass, field
from typing import Optional

from datasets import load_dataset
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer, HfArgumentParser, Seq2SeqTrainer, Seq2SeqTrainingArguments

logger = logging.getLogger(__name__)


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="t5-small")


@dataclass
class DataTrainingArguments:
    train_file: Optional[str] = field(default=None, metadata={"help": "A json lines file with prompt/response fields."})
    validation_file: Optional[str] = field(default=None)
    prompt_column: str = field(default="prompt")
    response_column: str = field(default="response")
    max_source_length: int = field(default=512)


def main():
    parser = HfArgumentParser((ModelArguments, DataTrainingArguments, Seq2SeqTrainingArguments))
    if len(sys.argv) == 2 and sys.argv[1].endswith(".json"):
        model_args, data_args, training_args = parser.parse_json_file(json_file=os.path.abspath(sys.argv[1]))
    else:
        model_args, data_args, training_args = parser.parse_args_into_dataclasses()

    # Files are collected split by split, as in the transformers example scripts.
    data_files = {}
    if data_args.train_file is not None:
        data_files["train"] = data_args.train_file
        extension = data_args.train_file.split(".")[-1]
    if data_args.validation_file is not None:
        data_files["validation"] = data_args.validation_file
        extension = data_args.validation_file.split(".")[-1]
    raw_datasets = load_dataset(extension, data_files=data_files, cache_dir=None)

    tokenizer = AutoTokenizer.from_pretrained(model_args.model_name_or_path)
    model = AutoModelForSeq2SeqLM.from_pretrained(model_args.model_name_or_path)

    def preprocess(examples):
        inputs = tokenizer(examples[data_args.prompt_column], max_length=data_args.max_source_length, truncation=True)
        inputs["labels"] = tokenizer(examples[data_args.response_column], truncation=True)["input_ids"]
        return inputs

    train_dataset = raw_datasets["train"].map(preprocess, batched=True)
    trainer = Seq2SeqTrainer(model=model, args=training_args, train_dataset=train_dataset, tokenizer=tokenizer)
    trainer.train()
    trainer.save_model()


if __name__ == "__main__":
    main()
