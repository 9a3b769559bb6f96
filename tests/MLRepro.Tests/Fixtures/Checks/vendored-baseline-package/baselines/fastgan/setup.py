from setuptools import find_packages, setup

setup(name="fastgan", version="0.4.1", packages=find_packages(include=["fastgan"]), install_requires=["pandas", "torch"])
