from setuptools import find_packages, setup

setup(
    name="graphconv",
    version="1.0",
    description="Graph convolution on citation graphs",
    install_requires=["numpy>=1.15.4", "scipy>=1.1.0"],
    packages=find_packages(),
)
