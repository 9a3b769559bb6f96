"""Builds a vocabulary from a set of words: the ids depend on set iteration order, i.e. on PYTHONHASHSEED."""
import json

words = set(open("corpus.txt").read().split())
vocab = {w: i for i, w in enumerate(words)}
json.dump(vocab, open("vocab.json", "w"), indent=1)
