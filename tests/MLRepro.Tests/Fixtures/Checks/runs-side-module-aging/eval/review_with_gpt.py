import argparse
import json

import openai


def review(question, answer):
    response = openai.ChatCompletion.create(
        model="gpt-4",
        messages=[{"role": "user", "content": f"Rate this answer to '{question}':\n{answer}"}],
    )
    return response["choices"][0]["message"]["content"]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", required=True)
    args = parser.parse_args()
    with open(args.answers) as f:
        for line in f:
            item = json.loads(line)
            print(review(item["question"], item["answer"]))
