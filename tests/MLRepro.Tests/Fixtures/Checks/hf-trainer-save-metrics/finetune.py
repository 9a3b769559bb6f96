"""Fine-tunes a small seq2seq model on question/answer pairs and reports ROUGE on the dev split."""
import numpy as np
from datasets import load_dataset
from rouge_chinese import Rouge
from transformers import (
    AutoModelForSeq2SeqLM,
    AutoTokenizer,
    DataCollatorForSeq2Seq,
    HfArgumentParser,
    Seq2SeqTrainer,
    Seq2SeqTrainingArguments,
)


def main():
    parser = HfArgumentParser(Seq2SeqTrainingArguments)
    (training_args,) = parser.parse_args_into_dataclasses()
    tokenizer = AutoTokenizer.from_pretrained("t5-small")
    model = AutoModelForSeq2SeqLM.from_pretrained("t5-small")
    raw = load_dataset("json", data_files={"train": "data/train.json", "validation": "data/dev.json"})

    def preprocess(batch):
        inputs = tokenizer(batch["question"], max_length=128, truncation=True)
        inputs["labels"] = tokenizer(batch["answer"], max_length=64, truncation=True)["input_ids"]
        return inputs

    train_set = raw["train"].map(preprocess, batched=True, remove_columns=["question", "answer"])
    dev_set = raw["validation"].map(preprocess, batched=True, remove_columns=["question", "answer"])

    def compute_metrics(eval_preds):
        preds, labels = eval_preds
        labels = np.where(labels != -100, labels, tokenizer.pad_token_id)
        hyps = tokenizer.batch_decode(preds, skip_special_tokens=True)
        refs = tokenizer.batch_decode(labels, skip_special_tokens=True)
        scores = Rouge().get_scores([h or "-" for h in hyps], [r or "-" for r in refs], avg=True)
        return {"rouge-l": scores["rouge-l"]["f"]}

    trainer = Seq2SeqTrainer(
        model=model,
        args=training_args,
        train_dataset=train_set,
        eval_dataset=dev_set,
        tokenizer=tokenizer,
        data_collator=DataCollatorForSeq2Seq(tokenizer, model=model),
        compute_metrics=compute_metrics,
    )

    if training_args.do_train:
        train_result = trainer.train()
        trainer.save_model()
        trainer.log_metrics("train", train_result.metrics)
        trainer.save_metrics("train", train_result.metrics)
        trainer.save_state()

    if training_args.do_eval:
        metrics = trainer.evaluate(metric_key_prefix="eval")
        trainer.log_metrics("eval", metrics)
        trainer.save_metrics("eval", metrics)


if __name__ == "__main__":
    main()
