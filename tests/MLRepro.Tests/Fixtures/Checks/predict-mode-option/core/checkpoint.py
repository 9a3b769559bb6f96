import os

import torch


class CheckpointIO:
    def __init__(self, fname_template, **modules):
        os.makedirs(os.path.dirname(fname_template), exist_ok=True)
        self.fname_template = fname_template
        self.modules = modules

    def save(self, step):
        fname = self.fname_template.format(step)
        torch.save({name: module.state_dict() for name, module in self.modules.items()}, fname)

    def load(self, step):
        fname = self.fname_template.format(step)
        module_dict = torch.load(fname, map_location='cpu')
        for name, module in self.modules.items():
            module.load_state_dict(module_dict[name])
