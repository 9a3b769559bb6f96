import json
import sys

import openai


def judge(question, answer):
    reply = openai.ChatCompletion.create(model="gpt-4", messages=[{"role": "user", "content": question + "\n" + answer}])
    return reply["choices"][0]["message"]["content"]


if __name__ == "__main__":
    rows = [json.loads(line) for line in open(sys.argv[1])]
    print([judge(r["q"], r["a"]) for r in rows])
