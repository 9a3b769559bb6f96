import os
from setuptools import setup

here = os.path.abspath(os.path.dirname(__file__))

REQUIRED = [
    "transformers==4.36.0",
    "datasets>=2.14",
    f"torch>={os.environ.get('TORCH_MIN', '2.0')}",
]

with open(os.path.join(here, "requirements-extra.txt")) as f:
    extra = f.read().splitlines()

setup(
    name="nlp-finetune",
    install_requires=REQUIRED,
    tests_require=extra,
)

def legacy():
    setup(install_requires=get_requirements())
