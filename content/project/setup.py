"""Makes `src` an installable package, so `pip install -e .` lets any script `import src...`.

The scripts also run without installing (they add the project folder to sys.path themselves).
"""
from setuptools import setup

setup(
    name="src",
    version="0.1.0",
    description="A small PyTorch project that learns to read handwritten-style digits (MNIST-like).",
    # Listed by hand, so nothing else next to this file (in the lesson's container that is the
    # whole root folder, /) is mistaken for part of the package.
    packages=["src", "src.data", "src.models"],
    python_requires=">=3.7",
)
