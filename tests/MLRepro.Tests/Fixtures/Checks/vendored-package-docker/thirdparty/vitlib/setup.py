from setuptools import setup

setup(name="vitlib", version="0.3.0", packages=["vitlib"])
