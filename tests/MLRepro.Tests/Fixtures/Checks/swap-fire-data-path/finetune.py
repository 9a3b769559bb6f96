import fire
from datasets import load_dataset

from utils.prompter import Prompter


def train(
    base_model: str = "",
    data_path: str = "example-org/instructions-cleaned",
    output_dir: str = "./lora-out",
    batch_size: int = 128,
    num_epochs: int = 3,
    val_set_size: int = 2000,
    prompt_template_name: str = "alpaca",
):
    prompter = Prompter(prompt_template_name)

    def tokenize(prompt, add_eos_token=True):
        return prompter.generate_prompt(prompt)

    if data_path.endswith(".json") or data_path.endswith(".jsonl"):
        data = load_dataset("json", data_files=data_path)
    else:
        data = load_dataset(data_path)
    return data["train"].map(tokenize)


if __name__ == "__main__":
    fire.Fire(train)
