"""Command-line parsing shared by the training entry points."""
from transformers import HfArgumentParser, Seq2SeqTrainingArguments

from tuner.hparams import DataArguments, ModelArguments


def get_train_args():
    parser = HfArgumentParser((ModelArguments, DataArguments, Seq2SeqTrainingArguments))
    model_args, data_args, training_args = parser.parse_args_into_dataclasses()
    data_args.init_for_training()
    return model_args, data_args, training_args
