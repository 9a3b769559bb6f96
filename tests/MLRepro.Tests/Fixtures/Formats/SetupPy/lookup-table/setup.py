import re

from setuptools import find_packages, setup

# Every dependency once, with its version; the lists below pick from it by name.
_deps = [
    "accelerate>=1.9.0",
    "datasets>=4.0.0",
    "evaluate==0.4.0",
    "pytest",
    "parameterized>=0.9.0",
    "torch>=2.6.0",
    "transformers==4.53.3",
]

deps = {b: a for a, b in (re.findall(r"^(([^!=<>~ \[\]]+)(?:\[[^\]]+\])?(?:[!=<>~ ].*)?$)", x)[0] for x in _deps)}


def deps_list(*pkgs):
    return [deps[pkg] for pkg in pkgs]


extras = {}
extras["tests"] = deps_list("pytest", "parameterized")

install_requires = [
    deps["accelerate"],
    deps["datasets"],
    deps["evaluate"],
    deps["torch"],
    deps["transformers"],
    deps["not-in-the-table"],
]

setup(
    name="lookup-table",
    version="0.1.0",
    package_dir={"": "src"},
    packages=find_packages("src"),
    extras_require=extras,
    python_requires=">=3.10",
    install_requires=install_requires,
)
