"""Serves the fine-tuned model in a Gradio UI."""
import fire
import gradio as gr
import torch
from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer


def main(base_model: str = "", lora_weights: str = "./lora-out"):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    tokenizer = AutoTokenizer.from_pretrained(base_model)
    model = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(base_model), lora_weights).to(device)

    def evaluate(instruction):
        inputs = tokenizer(instruction, return_tensors="pt").to(device)
        return tokenizer.decode(model.generate(**inputs, max_new_tokens=128)[0])

    gr.Interface(fn=evaluate, inputs="text", outputs="text").launch()


if __name__ == "__main__":
    fire.Fire(main)
