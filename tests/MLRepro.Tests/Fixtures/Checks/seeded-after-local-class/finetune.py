import json
import os

import fire
import torch
import transformers
from datasets import load_dataset
from peft import LoraConfig, get_peft_model
from transformers import LlamaForCausalLM, LlamaTokenizer, TrainerCallback


def train(
    base_model: str = "decapoda-research/llama-7b-hf",
    data_path: str = "data/med_qa.json",
    output_dir: str = "./lora-med",
    batch_size: int = 64,
    micro_batch_size: int = 8,
    num_epochs: int = 3,
    learning_rate: float = 3e-4,
    cutoff_len: int = 256,
    lora_r: int = 8,
):
    template = json.load(open("templates/med.json"))
    tokenizer = LlamaTokenizer.from_pretrained(base_model)
    model = LlamaForCausalLM.from_pretrained(base_model, torch_dtype=torch.float16)

    def tokenize(prompt):
        return tokenizer(prompt, truncation=True, max_length=cutoff_len)

    def generate_and_tokenize_prompt(point):
        return tokenize(template["prompt_input"].format(instruction=point["instruction"]) + point["output"])

    config = LoraConfig(r=lora_r, lora_alpha=16, lora_dropout=0.05, task_type="CAUSAL_LM")
    # The adapter weights are drawn here, from torch's global RNG, before anything seeds it.
    model = get_peft_model(model, config)

    data = load_dataset("json", data_files=data_path)
    train_data = data.map(generate_and_tokenize_prompt)

    class SaveAdapterCallback(TrainerCallback):
        def on_save(self, args, state, control, **kwargs):
            folder = os.path.join(args.output_dir, f"checkpoint-{state.global_step}")
            kwargs["model"].save_pretrained(folder)
            return control

    trainer = transformers.Trainer(
        model=model,
        train_dataset=train_data["train"],
        args=transformers.TrainingArguments(
            per_device_train_batch_size=micro_batch_size,
            gradient_accumulation_steps=batch_size // micro_batch_size,
            num_train_epochs=num_epochs,
            learning_rate=learning_rate,
            output_dir=output_dir,
        ),
        data_collator=transformers.DataCollatorForSeq2Seq(tokenizer, return_tensors="pt", padding=True),
        callbacks=[SaveAdapterCallback],
    )
    trainer.train()
    model.save_pretrained(output_dir)


if __name__ == "__main__":
    fire.Fire(train)
