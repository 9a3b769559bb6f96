from .util import load_config, keep_rng_state
