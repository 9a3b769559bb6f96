import json

if __name__ == "__main__":
    # Reads one figure of the committed report to compare against a new run.
    best = json.load(open("results/eval_seeds.json"))["test"]["f1-mean"]
    print(f"reference test F1: {best:.4f}")
