from setuptools import find_packages, setup

setup(
    name="sentemb",
    packages=find_packages(),
    version="0.2",
    url="https://github.com/example-lab/sentemb",
    download_url="https://github.com/example-lab/sentemb/archive/refs/tags/0.2.tar.gz",
    install_requires=["torch>=1.9", "transformers==4.2.1", "datasets==1.2.1"],
)
