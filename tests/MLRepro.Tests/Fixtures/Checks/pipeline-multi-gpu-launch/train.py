import json
from dataclasses import dataclass, field

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer, HfArgumentParser, Trainer, TrainingArguments


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="facebook/opt-125m")


@dataclass
class DataArguments:
    data_path: str = field(default="./data/instructions.json")


class InstructionDataset(torch.utils.data.Dataset):
    def __init__(self, path, tokenizer):
        with open(path) as f:
            records = json.load(f)
        texts = [r["instruction"] + "\n" + r["output"] + tokenizer.eos_token for r in records]
        self.items = [tokenizer(t, truncation=True, max_length=512, return_tensors="pt")["input_ids"][0] for t in texts]

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return {"input_ids": self.items[i], "labels": self.items[i]}


def main():
    parser = HfArgumentParser((ModelArguments, DataArguments, TrainingArguments))
    model_args, data_args, training_args = parser.parse_args_into_dataclasses()
    tokenizer = AutoTokenizer.from_pretrained(model_args.model_name_or_path)
    model = AutoModelForCausalLM.from_pretrained(model_args.model_name_or_path)
    dataset = InstructionDataset(data_args.data_path, tokenizer)
    trainer = Trainer(model=model, args=training_args, train_dataset=dataset)
    trainer.train()
    trainer.save_model(training_args.output_dir)


if __name__ == "__main__":
    main()
