"""Gradio demo of the trained classifier."""
import gradio as gr
from transformers import pipeline

from app_modules.page import format_answer, load_css, reload_javascript

classifier = pipeline("text-classification", model="model")


def predict(text):
    result = classifier(text)[0]
    return format_answer(result["label"], result["score"])


with gr.Blocks(css=load_css(), head=reload_javascript()) as demo:
    box = gr.Textbox(label="Review")
    out = gr.HTML()
    box.submit(predict, box, out)

demo.launch()
