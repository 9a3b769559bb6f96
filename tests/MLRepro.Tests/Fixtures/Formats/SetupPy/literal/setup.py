#!/usr/bin/env python
from setuptools import setup, find_packages

# Keep in sync with requirements.txt
setup(
    name="yolo_tiny",
    version="0.2.1",
    packages=find_packages(exclude=["tests"]),
    python_requires=">=3.8",
    install_requires=[
        "torch>=1.12",
        "torchvision",  # image transforms
        'opencv-python==4.8.1.78',
        "numpy" ">=1.22",
        "pycocotools; platform_system != 'Windows'",
    ],
    extras_require={"export": ["onnx==1.15.0"]},
)
