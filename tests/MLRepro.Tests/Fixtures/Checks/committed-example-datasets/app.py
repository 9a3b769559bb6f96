import os

import gradio as gr

from trainer import train_adapter

EXAMPLES_DIR = os.path.join(os.getcwd(), "example-datasets")


def load_example(filename):
    with open(os.path.join(EXAMPLES_DIR, filename), "r", encoding="utf-8") as f:
        return f.read()


with gr.Blocks() as demo:
    text = gr.TextArea(lines=20, label="Training data (samples separated by two blank lines)")
    name = gr.Textbox(visible=False)
    name.change(fn=load_example, inputs=name, outputs=text)
    gr.Examples("./example-datasets", inputs=name)
    button = gr.Button("Train")
    button.click(fn=train_adapter, inputs=text)

if __name__ == "__main__":
    demo.launch()
