import io
import json


def _reader(f, mode: str):
    if not isinstance(f, io.IOBase):
        f = open(f, mode=mode)
    return f


def load_json(f, mode="r"):
    f = _reader(f, mode)
    data = json.load(f)
    f.close()
    return data
