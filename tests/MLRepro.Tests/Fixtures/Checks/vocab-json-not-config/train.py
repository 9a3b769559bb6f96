import json

import yaml

with open("params.yaml") as f:
    params = yaml.safe_load(f)["train"]
with open("vocab/vocab.json") as f:
    vocab = json.load(f)

ids = [vocab.get(tok, 0) for tok in ["\u0120abe", "\u0120zzu"]]
for epoch in range(params["epochs"]):
    step = params["lr"] * params["batch_size"] * epoch
    print(epoch, step, ids)
