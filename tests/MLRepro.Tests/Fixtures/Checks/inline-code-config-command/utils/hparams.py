import yaml


class Dotdict(dict):
    """A dict whose keys can also be read as attributes (hp.audio.n_mels)."""

    __getattr__ = dict.__getitem__

    def __init__(self, dct=None):
        super().__init__()
        for key, value in (dct or {}).items():
            self[key] = Dotdict(value) if isinstance(value, dict) else value


class HParam(Dotdict):
    def __init__(self, file):
        with open(file, "r") as stream:
            docs = list(yaml.load_all(stream, Loader=yaml.SafeLoader))
        merged = {}
        for doc in docs:
            merged.update(doc)
        super().__init__(merged)
