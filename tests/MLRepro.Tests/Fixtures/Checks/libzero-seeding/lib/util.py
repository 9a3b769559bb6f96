import contextlib

import numpy as np
import tomli


def load_config(path):
    with open(path, "rb") as f:
        return tomli.load(f)


@contextlib.contextmanager
def keep_rng_state(store):
    # Saves the global NumPy state into a fresh RandomState, runs the block, then restores it.
    saved = np.random.RandomState()
    saved.set_state(np.random.get_state())
    try:
        yield
    finally:
        store.append(np.random.get_state())
        np.random.set_state(saved.get_state())
