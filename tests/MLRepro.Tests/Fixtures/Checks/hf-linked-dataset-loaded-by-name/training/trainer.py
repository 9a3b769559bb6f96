import logging

from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments, set_seed

from .consts import DEFAULT_INPUT_MODEL, DEFAULT_TRAINING_DATASET, PROMPT_FORMAT

logger = logging.getLogger(__name__)


def load_training_dataset(path_or_dataset: str = DEFAULT_TRAINING_DATASET):
    logger.info("Loading dataset from %s", path_or_dataset)
    dataset = load_dataset(path_or_dataset)["train"]
    return dataset.map(lambda rec: {"text": PROMPT_FORMAT.format(**rec)})


def train(output_dir: str, epochs: int, dataset_name: str = DEFAULT_TRAINING_DATASET, seed: int = 42):
    set_seed(seed)
    tokenizer = AutoTokenizer.from_pretrained(DEFAULT_INPUT_MODEL)
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(DEFAULT_INPUT_MODEL)
    dataset = load_training_dataset(dataset_name)
    dataset = dataset.map(lambda batch: tokenizer(batch["text"], truncation=True, max_length=512), batched=True)
    args = TrainingArguments(output_dir=output_dir, num_train_epochs=epochs, per_device_train_batch_size=8, seed=seed)
    Trainer(model=model, args=args, train_dataset=dataset, tokenizer=tokenizer).train()
    model.save_pretrained(output_dir)
