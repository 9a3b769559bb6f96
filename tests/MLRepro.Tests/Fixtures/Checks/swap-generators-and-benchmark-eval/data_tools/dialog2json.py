"""Turns the raw dialog dump into instruction records for finetune.py."""
import json

rows = []
with open("raw_dialogs.txt", encoding="utf-8") as f:
    for line in f:
        question, _, answer = line.rstrip("\n").partition("\t")
        rows.append({"instruction": question, "input": "", "output": answer})

with open("dialogs.json", "w", encoding="utf-8") as out:
    json.dump(rows, out, ensure_ascii=False)
