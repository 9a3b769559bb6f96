"""
Overrides the calling script's globals from a config file and --key=value flags:
$ python train.py config/small.py --batch_size=32
"""
import sys
from ast import literal_eval

for arg in sys.argv[1:]:
    if '=' not in arg:
        config_file = arg
        print(f"Overriding config with {config_file}:")
        exec(open(config_file).read())
    else:
        key, val = arg[2:].split('=')
        globals()[key] = literal_eval(val)
