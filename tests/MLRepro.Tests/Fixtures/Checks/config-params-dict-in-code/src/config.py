TRAINING_FILE = "input/train_folds.csv"
MODEL_OUTPUT = "models/"
TARGET = "target"
FOLDS = 5
