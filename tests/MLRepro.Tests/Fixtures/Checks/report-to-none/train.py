"""Fine-tunes a small model with the Trainer."""
from transformers import Trainer, TrainingArguments

if __name__ == "__main__":
    args = TrainingArguments(output_dir="out", num_train_epochs=1, report_to=None)
    trainer = Trainer(model=None, args=args)
    trainer.train()
