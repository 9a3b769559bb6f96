import json
from dataclasses import dataclass, field

import torch
import transformers


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="gpt2")


@dataclass
class DataArguments:
    data_path: str = field(default="instructions.jsonl")
    max_length: int = field(default=256)


class InstructionDataset(torch.utils.data.Dataset):
    def __init__(self, path, tokenizer, max_length):
        with open(path) as f:
            rows = [json.loads(line) for line in f if line.strip()]
        self.items = [tokenizer(r["instruction"] + "\n" + r["output"], truncation=True, max_length=max_length)["input_ids"] for r in rows]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        ids = torch.tensor(self.items[i])
        return {"input_ids": ids, "labels": ids}


def train():
    parser = transformers.HfArgumentParser((ModelArguments, DataArguments, transformers.TrainingArguments))
    model_args, data_args, training_args = parser.parse_args_into_dataclasses()
    tokenizer = transformers.AutoTokenizer.from_pretrained(model_args.model_name_or_path)
    model = transformers.AutoModelForCausalLM.from_pretrained(model_args.model_name_or_path)
    dataset = InstructionDataset(data_args.data_path, tokenizer, data_args.max_length)
    trainer = transformers.Trainer(model=model, args=training_args, train_dataset=dataset)
    trainer.train()
    trainer.save_model(training_args.output_dir)


if __name__ == "__main__":
    train()
