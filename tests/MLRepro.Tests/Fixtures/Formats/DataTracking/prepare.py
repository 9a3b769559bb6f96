"""Builds the training tables from public sources."""
import pandas as pd
import tensorflow_datasets as tfds
from datasets import load_dataset
from huggingface_hub import hf_hub_download
from sklearn.datasets import fetch_openml, load_iris
from tensorflow import keras
import torchvision
from torchvision import datasets, transforms

reviews = load_dataset("imdb")
glue = load_dataset("nyu-mll/glue", "mrpc", split="train")
local = load_dataset("csv", data_files={"train": "data/train.csv"})

weights = hf_hub_download(
    repo_id="acme/leaf-captions",
    filename="captions.jsonl",
    repo_type="dataset",
)
cifar = torchvision.datasets.CIFAR10(root="data", train=True, download=True)
mnist = datasets.MNIST("data", download=True, transform=transforms.ToTensor())
folder = datasets.ImageFolder("data/images")
X, y = fetch_openml("mnist_784", version=1, return_X_y=True)
iris = load_iris()
(x_train, y_train), _ = keras.datasets.fashion_mnist.load_data()
ds = tfds.load("mnist", split="train")

lake = pd.read_parquet("lakefs://leafnet-repo/main/tables/train.parquet")
meta = pd.read_csv("https://example.org/leafnet/metadata.csv")
bucket = "gs://acme-leafnet/processed/"
doc_url = "https://pandas.pydata.org/docs/"
