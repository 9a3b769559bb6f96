from datasets import load_dataset


class DialogueLoader:
    def __init__(self, config):
        self.config = config

    def load(self):
        data = load_dataset(self.config["data"]["dataset"])
        return data["train"].map(lambda row: {"text": row["prompt"] + row["answer"]})
