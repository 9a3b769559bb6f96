"""Prints the standard library folder of this interpreter."""
import sysconfig

print(sysconfig.get_paths()["stdlib"])
