"""Supervised fine-tuning on an instruction dataset given by --data_path."""
from dataclasses import dataclass, field

import transformers

import jsonio


@dataclass
class DataArguments:
    data_path: str = field(default=None, metadata={"help": "Path to the training data (a JSON list of records)."})


class InstructionDataset:
    def __init__(self, data_path, max_items=None):
        records = jsonio.load_json(data_path)
        self.records = records[:max_items] if max_items else records


def train():
    parser = transformers.HfArgumentParser((DataArguments, transformers.TrainingArguments))
    data_args, training_args = parser.parse_args_into_dataclasses()
    dataset = InstructionDataset(data_path=data_args.data_path)
    print(len(dataset.records), training_args.output_dir)


if __name__ == "__main__":
    train()
