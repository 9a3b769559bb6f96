import json

DEFAULTS = {
    "network": "classifier",
    "encoder": "resnet34",
    "batch_size": 32,
    "optimizer": {
        "type": "SGD",  # SGD or Adam
        "learning_rate": 0.1,
        "momentum": 0.9,
        "schedule": {"type": "constant", "epochs": 10},
    },
}


def _merge(src, dst):
    for k, v in src.items():
        if k not in dst:
            dst[k] = v
        elif isinstance(v, dict):
            _merge(v, dst[k])


def load_config(path, defaults=DEFAULTS):
    with open(path) as f:
        config = json.load(f)
    _merge(defaults, config)
    return config
