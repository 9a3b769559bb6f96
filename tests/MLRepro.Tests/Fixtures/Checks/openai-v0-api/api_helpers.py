from typing import Union

import openai
from openai import openai_object

Reply = Union[str, openai_object.OpenAIObject]


def complete(prompt: str, model: str = "gpt-3.5-turbo") -> Reply:
    response = openai.ChatCompletion.create(model=model, messages=[{"role": "user", "content": prompt}], temperature=0.0)
    return response["choices"][0]["message"]["content"]
