import json

from transformers import AutoModel, AutoTokenizer

checkpoint = "some-org/other-6b"
datafile = "datasets/merge.json"

tokenizer = AutoTokenizer.from_pretrained(checkpoint, trust_remote_code=True)
model = AutoModel.from_pretrained(checkpoint, trust_remote_code=True)

with open(datafile, "r") as f:
    records = json.load(f)

for record in records[:10]:
    ids = tokenizer(record["instruction"] + record["output"])
    print(len(ids["input_ids"]))
