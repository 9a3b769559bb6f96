import json

from datasets import Dataset


class VicunaDataProcessor:
    def __init__(self, config, tokenizer):
        self.config = config
        self.tokenizer = tokenizer

    def get_data(self):
        with open(self.config["data"]["dataset"]) as f:
            records = json.load(f)
        texts = []
        for record in records:
            turns = []
            for turn in record["conversations"]:
                speaker = "USER" if turn["from"] == "human" else "ASSISTANT"
                turns.append(f"{speaker}: {turn['value']}")
            texts.append("\n".join(turns))
        return Dataset.from_dict({"text": texts}).map(lambda x: self.tokenizer(x["text"]), batched=True)
