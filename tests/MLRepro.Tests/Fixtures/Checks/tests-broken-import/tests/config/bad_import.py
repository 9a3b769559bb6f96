from .does_not_exist import x  # the config loader test checks this import fails cleanly
