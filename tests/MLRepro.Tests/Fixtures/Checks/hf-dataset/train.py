from datasets import load_dataset

if __name__ == "__main__":
    ds = load_dataset("stanfordnlp/imdb")
    print(ds["train"][0])
