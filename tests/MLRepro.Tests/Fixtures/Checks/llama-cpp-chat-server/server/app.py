import os
import threading
from typing import Dict, List, Optional

from fastapi import FastAPI
from pydantic import BaseModel

try:
    from llama_cpp import Llama
except ImportError:  # tests stub the runtime
    Llama = None

app = FastAPI()
_lock = threading.Lock()
_llm: Optional["Llama"] = None


def get_llm():
    global _llm
    with _lock:
        if _llm is None:
            _llm = Llama(model_path=os.environ.get("MODEL_PATH", "models/chat-q4.gguf"), n_ctx=4096)
    return _llm


class ChatRequest(BaseModel):
    messages: List[Dict[str, str]]
    max_tokens: int = 256
    temperature: float = 0.7


@app.get("/healthz")
def healthz():
    return {"ok": True}


@app.post("/v1/chat/completions")
def chat_completions(req: ChatRequest):
    llm = get_llm()
    return llm.create_chat_completion(messages=req.messages, max_tokens=req.max_tokens, temperature=req.temperature)
