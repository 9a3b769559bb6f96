import random

import yaml
from fastai.vision.all import ImageDataLoaders, RandomSplitter, Resize, get_image_files, resnet18, vision_learner


def label_of(path):
    return path.name.split("_")[0]


def main():
    with open("params.yaml") as f:
        params = yaml.safe_load(f)
    random.seed(params["base"]["random_state"])
    files = get_image_files(params["data"]["images_dir"])
    dls = ImageDataLoaders.from_path_func(
        params["data"]["images_dir"], files, label_of,
        splitter=RandomSplitter(valid_pct=params["data"]["valid_pct"], seed=params["base"]["random_state"]),
        item_tfms=Resize(params["train"]["img_size"]))
    learn = vision_learner(dls, resnet18, lr=params["train"]["lr"])
    learn.fine_tune(params["train"]["epochs"])
    learn.export("model.pkl")


if __name__ == "__main__":
    main()
