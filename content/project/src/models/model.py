"""A small convolutional network for 28x28 grey-scale digits."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from torch import nn

IMAGE_SIZE = 28
NUM_CLASSES = 10


class DigitClassifier(nn.Module):
    """Two convolution blocks followed by a small fully connected head (~105k parameters).

    Input: a float tensor of shape (batch, 1, 28, 28) with values in [0, 1].
    Output: one unnormalised score (logit) per digit class, shape (batch, 10).
    """

    def __init__(self, hidden_units: int = 64, dropout: float = 0.2) -> None:
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, kernel_size=3, padding=1),  # 16 x 28 x 28
            nn.ReLU(),
            nn.MaxPool2d(2),  # 16 x 14 x 14
            nn.Conv2d(16, 32, kernel_size=3, padding=1),  # 32 x 14 x 14
            nn.ReLU(),
            nn.MaxPool2d(2),  # 32 x 7 x 7
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Linear(32 * 7 * 7, hidden_units),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden_units, NUM_CLASSES),
        )

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        if images.dim() != 4 or images.shape[1:] != (1, IMAGE_SIZE, IMAGE_SIZE):
            raise ValueError(f"expected images of shape (batch, 1, 28, 28), got {tuple(images.shape)}")
        return self.classifier(self.features(images))


def to_model_input(images: torch.Tensor) -> torch.Tensor:
    """Turn a batch of images into what the network expects: float (batch, 1, 28, 28) in [0, 1].

    Accepts (28, 28), (batch, 28, 28) or (batch, 1, 28, 28). Integer images (like MNIST's
    uint8) are divided by 255; float images are divided by 255 only if they exceed 1.
    """
    original_shape = tuple(images.shape)
    if images.dim() == 2:
        images = images.unsqueeze(0)
    if images.dim() == 3:
        images = images.unsqueeze(1)
    if images.dim() != 4 or images.shape[1:] != (1, IMAGE_SIZE, IMAGE_SIZE):
        raise ValueError(f"expected 28x28 images shaped (28, 28), (N, 28, 28) or (N, 1, 28, 28), got {original_shape}")
    scaled = images.float()
    if not images.is_floating_point() or (scaled.numel() > 0 and scaled.max() > 1.0):
        scaled = scaled / 255.0
    return scaled


def load_tensors(path: Path) -> Any:
    """Read a file written by torch.save, refusing anything but tensors and plain containers.

    `weights_only=True` keeps a malicious file from running code while it is unpickled, and is
    PyTorch's default from 2.6 on; PyTorch before 1.13 does not know it, so fall back there.
    """
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except TypeError:
        return torch.load(path, map_location="cpu")
