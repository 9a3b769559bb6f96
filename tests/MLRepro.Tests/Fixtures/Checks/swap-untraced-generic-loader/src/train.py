"""Fine-tunes a causal LM on the datasets chosen with --dataset (names of data/dataset_info.json)."""
from transformers import AutoModelForCausalLM, Trainer

from tuner.data.loader import get_dataset
from tuner.parser import get_train_args


def main():
    model_args, data_args, training_args = get_train_args()
    dataset = get_dataset(model_args, data_args)
    model = AutoModelForCausalLM.from_pretrained(model_args.model_name_or_path)
    Trainer(model=model, args=training_args, train_dataset=dataset).train()


if __name__ == "__main__":
    main()
