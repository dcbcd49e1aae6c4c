"""Train the digit classifier and save its weights.

    python src/models/train_model.py [--epochs 5] [--lr 0.001]

Reads data/processed/train.pt and test.pt and writes models/trained_model.pt, both relative
to the working directory (in the lesson's container, WORKDIR / makes that /models/...).
Prints one line per epoch, then the accuracy on the test images.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Tuple

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

if __package__ in (None, ""):
    # `python src/models/train_model.py` puts src/models/ on sys.path, not the project root:
    # add the root so that `src` imports without `pip install -e .` first.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from src.models.model import DigitClassifier, load_tensors, to_model_input  # noqa: E402


def load_split(path: Path) -> TensorDataset:
    """A processed split (see src/data/make_dataset.py) as (images in [0, 1], labels) pairs."""
    data = load_tensors(path)
    return TensorDataset(to_model_input(data["images"]), data["labels"].long())


def train_epoch(
    model: nn.Module, loader: DataLoader, optimizer: torch.optim.Optimizer, device: torch.device
) -> Tuple[float, float]:
    """One pass over the training data; returns (mean loss, accuracy)."""
    model.train()
    loss_fn = nn.CrossEntropyLoss()
    total_loss, correct, seen = 0.0, 0, 0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad()
        logits = model(images)
        loss = loss_fn(logits, labels)
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * len(labels)
        correct += (logits.argmax(dim=1) == labels).sum().item()
        seen += len(labels)
    return total_loss / seen, correct / seen


@torch.no_grad()
def evaluate(model: nn.Module, loader: DataLoader, device: torch.device) -> float:
    """Accuracy of `model` on every image in `loader`."""
    model.eval()
    correct, seen = 0, 0
    for images, labels in loader:
        predictions = model(images.to(device)).argmax(dim=1)
        correct += (predictions == labels.to(device)).sum().item()
        seen += len(labels)
    return correct / seen


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Train the digit classifier.")
    parser.add_argument("--epochs", type=int, default=5, help="passes over the training data (default: 5)")
    parser.add_argument("--lr", type=float, default=1e-3, help="learning rate for Adam (default: 0.001)")
    parser.add_argument("--batch-size", type=int, default=16, help="images per step (default: 16)")
    parser.add_argument("--seed", type=int, default=0, help="random seed, for repeatable runs (default: 0)")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path("data/processed"),
        help="folder with train.pt and test.pt (default: data/processed)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=Path("models/trained_model.pt"),
        help="where to save the weights (default: models/trained_model.pt)",
    )
    args = parser.parse_args()
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")
    if args.lr <= 0:
        parser.error("--lr must be positive")
    if args.batch_size < 1:
        parser.error("--batch-size must be at least 1")
    for split in ("train.pt", "test.pt"):
        if not (args.data_dir / split).is_file():
            parser.error(f"{args.data_dir / split} not found; create it with: python src/data/make_dataset.py")
    return args


def main() -> None:
    args = parse_args()
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_data = load_split(args.data_dir / "train.pt")
    test_data = load_split(args.data_dir / "test.pt")
    shuffle_order = torch.Generator().manual_seed(args.seed)
    train_loader = DataLoader(train_data, batch_size=args.batch_size, shuffle=True, generator=shuffle_order)
    test_loader = DataLoader(test_data, batch_size=256)

    model = DigitClassifier().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    print(f"Training on {len(train_data)} images for {args.epochs} epochs (device: {device})")
    for epoch in range(1, args.epochs + 1):
        loss, accuracy = train_epoch(model, train_loader, optimizer, device)
        print(f"Epoch {epoch}/{args.epochs} - loss: {loss:.4f} - accuracy: {accuracy:.4f}")

    print(f"Test accuracy: {evaluate(model, test_loader, device):.4f} ({len(test_data)} images)")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), args.output)
    print(f"Saved model to {args.output}")


if __name__ == "__main__":
    main()
