"""Predict digits with a trained model.

    python src/models/predict_model.py MODEL_PATH IMAGES_PATH

MODEL_PATH is a file saved by train_model.py (for example models/trained_model.pt).
IMAGES_PATH is a .npy or .pt file holding one 28x28 image or a batch of them, shaped
(28, 28), (N, 28, 28) or (N, 1, 28, 28); a .pt file may also be a processed split such as
data/processed/test.pt. Relative paths are read from the working directory.
Prints one line per image: its index, the predicted digit and the model's confidence.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Tuple

import numpy as np
import torch

if __package__ in (None, ""):
    # `python src/models/predict_model.py` puts src/models/ on sys.path, not the project root:
    # add the root so that `src` imports without `pip install -e .` first.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from src.models.model import DigitClassifier, load_tensors, to_model_input  # noqa: E402


def load_model(path: Path) -> DigitClassifier:
    """Rebuild the network and fill in the weights saved by train_model.py."""
    state_dict = load_tensors(path)
    model = DigitClassifier()
    model.load_state_dict(state_dict)
    model.eval()
    return model


def load_images(path: Path) -> torch.Tensor:
    """Read images from a .npy or .pt file, as the float batch the network expects."""
    if path.suffix == ".npy":
        images = torch.from_numpy(np.load(path, allow_pickle=False))
    elif path.suffix == ".pt":
        images = load_tensors(path)
        if isinstance(images, dict) and "images" in images:
            images = images["images"]
        if not isinstance(images, torch.Tensor):
            raise ValueError(f"expected a tensor (or a dict with an 'images' tensor), found {type(images).__name__}")
    else:
        raise ValueError(f"unsupported file type '{path.suffix}': use .npy or .pt")
    return to_model_input(images)


@torch.no_grad()
def predict(model: DigitClassifier, images: torch.Tensor) -> List[Tuple[int, float]]:
    """(predicted digit, probability of that digit) for each image."""
    probabilities = torch.softmax(model(images), dim=1)
    confidence, digits = probabilities.max(dim=1)
    return [(int(d), float(c)) for d, c in zip(digits, confidence)]


def _brief(error: Exception, limit: int = 200) -> str:
    """An exception's message on one line, cut to `limit` characters."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


def main() -> None:
    parser = argparse.ArgumentParser(description="Predict digits with a trained model.")
    parser.add_argument("model_path", metavar="MODEL_PATH", type=Path, help="weights saved by train_model.py")
    parser.add_argument("images_path", metavar="IMAGES_PATH", type=Path, help=".npy or .pt file of 28x28 images")
    args = parser.parse_args()
    for label, path in (("model file", args.model_path), ("images file", args.images_path)):
        if not path.is_file():
            parser.error(f"{label} not found: {path} (relative paths start at {Path.cwd()})")

    try:
        model = load_model(args.model_path)
    except Exception as error:  # a pickle, zip or state-dict error: all mean "not our weights"
        parser.error(f"{args.model_path} is not a model saved by train_model.py ({_brief(error)})")
    try:
        images = load_images(args.images_path)
    except Exception as error:
        parser.error(f"could not read images from {args.images_path}: {_brief(error)}")

    results = predict(model, images)
    print(f"Predictions for {len(results)} image{'' if len(results) == 1 else 's'} in {args.images_path}:")
    for index, (digit, confidence) in enumerate(results):
        print(f"image {index}: {digit} (confidence {confidence:.2f})")


if __name__ == "__main__":
    main()
