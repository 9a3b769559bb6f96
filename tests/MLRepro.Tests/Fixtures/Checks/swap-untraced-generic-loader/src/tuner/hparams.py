"""Argument dataclasses; --dataset names entries of data/dataset_info.json."""
import json
import os
from dataclasses import dataclass, field


@dataclass
class DatasetAttr:
    load_from: str
    dataset_name: str


@dataclass
class ModelArguments:
    model_name_or_path: str = field(default="gpt2")
    cache_dir: str = field(default=None)


@dataclass
class DataArguments:
    dataset: str = field(default="example")
    dataset_dir: str = field(default="data")

    def init_for_training(self):
        with open(os.path.join(self.dataset_dir, "dataset_info.json"), encoding="utf-8") as f:
            registry = json.load(f)
        self.dataset_list = []
        for name in self.dataset.split(","):
            entry = registry[name]
            if "hf_hub_url" in entry:
                self.dataset_list.append(DatasetAttr("hf_hub", entry["hf_hub_url"]))
            else:
                self.dataset_list.append(DatasetAttr("file", entry["file_name"]))
