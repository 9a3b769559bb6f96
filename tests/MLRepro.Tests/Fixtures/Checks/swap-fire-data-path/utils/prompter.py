import json
import os.path as osp


class Prompter:
    def __init__(self, template_name: str = ""):
        if not template_name:
            template_name = "alpaca"
        file_name = osp.join("templates", f"{template_name}.json")
        with open(file_name) as fp:
            self.template = json.load(fp)

    def generate_prompt(self, instruction: str) -> str:
        return self.template["prompt"].format(instruction=instruction)
