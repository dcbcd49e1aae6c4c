"""Check that this Python has PyTorch (exercise 12: run it inside a PyTorch base image).

    python pytorch_docker.py

Prints the PyTorch version, whether CUDA (an NVIDIA GPU) can be used, and the result of a
tiny computation. Exits with status 0 only if torch imports; otherwise prints why and exits 1.
"""
from __future__ import annotations

import platform
import sys


def main() -> int:
    try:
        import torch
    except ImportError as error:
        print(f"PyTorch is not installed for this Python ({sys.executable}): {error}", file=sys.stderr)
        return 1

    cuda = torch.cuda.is_available()
    print(f"Python version: {platform.python_version()}")
    print(f"PyTorch version: {torch.__version__}")
    print(f"CUDA available: {cuda}")
    if cuda:
        print(f"GPU: {torch.cuda.get_device_name(0)} (CUDA {torch.version.cuda})")
    device = torch.device("cuda" if cuda else "cpu")
    total = (torch.ones(3, 3, device=device) @ torch.ones(3, 3, device=device)).sum().item()
    print(f"Sum of a 3x3 matrix product computed on {device}: {total:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
