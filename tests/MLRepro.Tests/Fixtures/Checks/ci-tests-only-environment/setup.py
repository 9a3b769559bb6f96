from setuptools import setup, find_packages

setup(
    name="forecast",
    version="0.2.0",
    packages=find_packages(),
    install_requires=["numpy", "torch"],
)
