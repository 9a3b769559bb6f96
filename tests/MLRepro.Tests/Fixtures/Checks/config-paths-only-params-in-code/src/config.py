from pathlib import Path

data_dir = Path("data")
train_csv = data_dir / "train.csv"
experiments_dir = data_dir / "experiments"
sampling_rate = 44100
n_mels = 128
hop_length = 345
n_folds = 5
