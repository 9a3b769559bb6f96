"""Calibration samples for GPTQ quantisation of the merged model (standard language-modelling corpora)."""
import random

from datasets import load_dataset


def get_wikitext(tokenizer, nsamples=128, seqlen=2048):
    traindata = load_dataset("wikitext", "wikitext-2-raw-v1", split="train")
    enc = tokenizer("\n\n".join(traindata["text"]), return_tensors="pt")
    random.seed(0)
    starts = [random.randint(0, enc.input_ids.shape[1] - seqlen - 1) for _ in range(nsamples)]
    return [enc.input_ids[:, s:s + seqlen] for s in starts]


def get_c4(tokenizer, nsamples=128, seqlen=2048):
    traindata = load_dataset("allenai/c4", data_files={"train": "en/c4-train.00000-of-01024.json.gz"}, split="train")
    random.seed(0)
    samples = [traindata[random.randint(0, len(traindata) - 1)]["text"] for _ in range(nsamples)]
    return [tokenizer(s, return_tensors="pt").input_ids[:, :seqlen] for s in samples]
