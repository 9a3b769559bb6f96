"""Training arguments, built in one place for every script."""
from transformers import TrainingArguments


def get_training_args(output_dir, learning_rate):
    return TrainingArguments(output_dir=output_dir, learning_rate=learning_rate, num_train_epochs=3)
