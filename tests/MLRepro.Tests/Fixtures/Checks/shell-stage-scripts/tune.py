import argparse

from datasets import load_dataset
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

parser = argparse.ArgumentParser()
parser.add_argument("--model", default="EleutherAI/pythia-1b")
parser.add_argument("--dataset", default="tatsu-lab/alpaca")
parser.add_argument("--do_train", action="store_true")
parser.add_argument("--do_predict", action="store_true")
parser.add_argument("--output_dir", default="./output")
args = parser.parse_args()

model = get_peft_model(AutoModelForCausalLM.from_pretrained(args.model), LoraConfig(r=8, task_type="CAUSAL_LM"))
data = load_dataset(args.dataset)
trainer = Trainer(model=model, args=TrainingArguments(output_dir=args.output_dir, seed=1), train_dataset=data["train"])
if args.do_train:
    trainer.train()
if args.do_predict:
    print(trainer.predict(data["train"]))
