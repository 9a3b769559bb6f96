import gradio as gr
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL = "example-org/ko-chat-1.3b"
tokenizer = AutoTokenizer.from_pretrained(MODEL)
model = AutoModelForCausalLM.from_pretrained(MODEL, torch_dtype=torch.float16).to("cuda")


def answer(question):
    inputs = tokenizer(f"### 질문: {question}\n\n### 답변:", return_tensors="pt").to("cuda")
    output = model.generate(**inputs, max_new_tokens=256, do_sample=False)
    return tokenizer.decode(output[0], skip_special_tokens=True)


gr.Interface(fn=answer, inputs="text", outputs="text").launch()
