"""Loads the datasets listed in DataArguments.dataset_list (entries of data/dataset_info.json chosen with --dataset)."""
import os

from datasets import concatenate_datasets, load_dataset

EXT2TYPE = {"csv": "csv", "json": "json", "jsonl": "json"}


def get_dataset(model_args: "ModelArguments", data_args: "DataArguments"):
    all_sets = []
    for dataset_attr in data_args.dataset_list:
        if dataset_attr.load_from == "hf_hub":
            builder = dataset_attr.dataset_name
            data_files = None
        else:
            data_files = []
            folder = os.path.join(data_args.dataset_dir, dataset_attr.dataset_name)
            if os.path.isdir(folder):
                for file_name in sorted(os.listdir(folder)):
                    data_files.append(os.path.join(folder, file_name))
            else:
                data_files.append(folder)
            builder = EXT2TYPE.get(data_files[0].split(".")[-1], None)
            assert builder, "File extension must be csv, json or jsonl."
        all_sets.append(load_dataset(builder, data_files=data_files, split="train", cache_dir=model_args.cache_dir))
    return concatenate_datasets(all_sets)
