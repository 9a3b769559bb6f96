import os

BASE_PATH = os.getcwd()
TRAIN_DIR = os.path.join(BASE_PATH, "data/train")
MODEL_PATH = os.path.join(BASE_PATH, "model")

IMG_SIZE = (128, 128)
BATCH_SIZE = 32
EPOCHS = 5
LEARNING_RATE = 1e-4
