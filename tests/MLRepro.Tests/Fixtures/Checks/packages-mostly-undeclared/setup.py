from setuptools import setup

setup(
    name="tinygpt",
    version="0.0.1",
    packages=["gpt"],
    install_requires=["torch"],
)
