"""
Poor man's configurator: run as `exec(open('configurator.py').read())` from a script, then
`python train.py config/override_file.py --batch_size=32` overrides that script's globals.
"""
import sys
from ast import literal_eval

for arg in sys.argv[1:]:
    if "=" not in arg:
        config_file = arg
        print(f"Overriding config with {config_file}:")
        exec(open(config_file).read())
    else:
        key, val = arg[2:].split("=")
        try:
            attempt = literal_eval(val)
        except (SyntaxError, ValueError):
            attempt = val
        globals()[key] = attempt
