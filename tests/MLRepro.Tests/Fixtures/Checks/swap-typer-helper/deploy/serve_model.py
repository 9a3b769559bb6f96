import sys

from trainlib import train  # noqa: F401

run_id = open("run_id.txt").read().strip()
print(run_id, sys.argv)
