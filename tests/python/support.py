"""Shared helpers for the starter project's tests (content/project).

Run with Debian's Python, which has python3-torch and python3-numpy:
    /usr/bin/python3 -B -m unittest discover -s tests/python -v
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

PROJECT = Path(__file__).resolve().parents[2] / "content" / "project"
PYTHON = sys.executable
# What the lesson's trainer.dockerfile copies into the image (exercise 5).
CONTAINER_FILES = ["requirements.txt", "setup.py", "src", "data"]
EPOCH_LINE = re.compile(r"^Epoch (\d+)/(\d+) - loss: (\d+\.\d{4}) - accuracy: (\d\.\d{4})$", re.MULTILINE)
PREDICTION_LINE = re.compile(r"^image (\d+): (\d) \(confidence (\d\.\d\d)\)$", re.MULTILINE)

if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))  # so tests can `import src...` from the project


def run(args: List[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `python ARGS...` in `cwd`, capturing text output; never writes .pyc files."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(
        [PYTHON, *args], cwd=str(cwd), env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def copy_container_layout(destination: Path) -> None:
    """Lay out `destination` as the lesson's container does: the COPY'd files side by side."""
    for name in CONTAINER_FILES:
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__", "mnist"))
        else:
            shutil.copy2(source, destination / name)


def epoch_lines(stdout: str) -> List[Tuple[int, int, float, float]]:
    """(epoch, total epochs, loss, accuracy) for each epoch line that training printed."""
    return [(int(e), int(n), float(loss), float(acc)) for e, n, loss, acc in EPOCH_LINE.findall(stdout)]


def predictions(stdout: str) -> List[int]:
    """The predicted digits, in image order, from predict_model.py's output."""
    lines = PREDICTION_LINE.findall(stdout)
    assert [int(index) for index, _, _ in lines] == list(range(len(lines))), stdout
    return [int(digit) for _, digit, _ in lines]
