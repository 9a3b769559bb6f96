"""Page helpers for the demo: the answer formatting and the script injected into the Gradio page."""
import html


def format_answer(label, score):
    return f"<b>{html.escape(label)}</b> ({score:.1%})"


def reload_javascript():
    with open("./assets/custom.js", "r", encoding="utf-8") as f, open("./assets/copy-button.js", "r", encoding="utf-8") as g:
        return f"<script>{f.read()}</script><script>{g.read()}</script>"


def load_css():
    with open("./assets/custom.css", "r", encoding="utf-8") as f:
        return f.read()
