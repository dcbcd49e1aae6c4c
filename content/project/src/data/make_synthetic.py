"""Generate the small SYNTHETIC digit data set that ships with this project.

Real MNIST is ~11 MB compressed and needs the internet, so the project carries a stand-in:
digit-like glyphs drawn as strokes, each one randomly rotated, sheared, scaled, shifted,
bent, drawn with a random pen width and covered in noise. Only numpy is used, and the
same seed always gives the same images.

    python src/data/make_synthetic.py            # writes data/raw/synthetic_digits.npz
                                                 # and data/example_images.npy
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Dict, List

import numpy as np

IMAGE_SIZE = 28
Stroke = np.ndarray  # (n_points, 2) array of (x, y) in a unit box, y pointing down


def _arc(cx: float, cy: float, rx: float, ry: float, start: float, end: float) -> Stroke:
    """Points along an elliptic arc; angles in degrees, 0 = right, 90 = down."""
    n_points = max(4, int(abs(end - start) / 12))
    angles = np.radians(np.linspace(start, end, n_points))
    return np.stack([cx + rx * np.cos(angles), cy + ry * np.sin(angles)], axis=1)


def _line(*points: float) -> Stroke:
    """A polyline through (x0, y0, x1, y1, ...)."""
    return np.asarray(points, dtype=float).reshape(-1, 2)


def _glyphs() -> Dict[int, List[Stroke]]:
    """The skeleton of each digit as a few strokes inside the unit box."""
    return {
        0: [_arc(0.50, 0.50, 0.19, 0.30, 0, 360)],
        1: [_line(0.40, 0.30, 0.52, 0.20, 0.52, 0.80)],
        2: [_arc(0.50, 0.35, 0.18, 0.15, 180, 400), _line(0.64, 0.45, 0.30, 0.80, 0.72, 0.80)],
        3: [_arc(0.48, 0.35, 0.17, 0.15, 200, 450), _arc(0.48, 0.65, 0.19, 0.15, -90, 160)],
        4: [_line(0.62, 0.80, 0.62, 0.20, 0.30, 0.60, 0.74, 0.60)],
        5: [_line(0.68, 0.20, 0.36, 0.20, 0.35, 0.50), _arc(0.49, 0.62, 0.18, 0.18, -130, 130)],
        6: [_arc(0.64, 0.60, 0.30, 0.42, 270, 180), _arc(0.50, 0.65, 0.16, 0.15, 0, 360)],
        7: [_line(0.30, 0.20, 0.70, 0.20, 0.44, 0.80)],
        8: [_arc(0.50, 0.34, 0.14, 0.14, 0, 360), _arc(0.50, 0.64, 0.17, 0.16, 0, 360)],
        9: [_arc(0.50, 0.36, 0.16, 0.15, 0, 360), _line(0.66, 0.36, 0.64, 0.58, 0.58, 0.80)],
    }


def _distort(strokes: List[Stroke], rng: np.random.Generator) -> List[Stroke]:
    """Apply one random affine transform and a gentle wave-shaped bend to all strokes."""
    angle = np.radians(rng.uniform(-18, 18))
    shear = rng.uniform(-0.3, 0.3)
    scale = rng.uniform(0.85, 1.1, size=2)
    shift = rng.uniform(-0.06, 0.06, size=2)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    matrix = rotation @ np.array([[1.0, shear], [0.0, 1.0]]) @ np.diag(scale)
    wave_direction = rng.normal(size=(2, 2))
    wave_phase = rng.uniform(0, 2 * np.pi, size=2)
    wave_size = rng.uniform(0.0, 0.045)
    centre = np.array([0.5, 0.5])

    bent = []
    for stroke in strokes:
        points = (stroke - centre) @ matrix.T + centre + shift
        points = points + wave_size * np.sin(2 * np.pi * points @ wave_direction + wave_phase)
        bent.append(points)
    return bent


def _render(strokes: List[Stroke], pen_radius: float) -> np.ndarray:
    """Draw strokes as anti-aliased lines; returns floats in [0, 1]."""
    segments_start = np.concatenate([s[:-1] for s in strokes]) * IMAGE_SIZE
    segments_end = np.concatenate([s[1:] for s in strokes]) * IMAGE_SIZE
    centres = np.arange(IMAGE_SIZE) + 0.5
    pixels = np.stack(np.meshgrid(centres, centres), axis=-1).reshape(-1, 1, 2)  # (784, 1, 2) as (x, y)

    direction = segments_end - segments_start
    length_sq = np.maximum((direction**2).sum(axis=1), 1e-9)
    t = np.clip(((pixels - segments_start) * direction).sum(axis=2) / length_sq, 0.0, 1.0)
    nearest = segments_start + t[..., None] * direction
    distance = np.sqrt(((pixels - nearest) ** 2).sum(axis=2)).min(axis=1)
    ink = np.clip(pen_radius + 0.5 - distance, 0.0, 1.0)
    return ink.reshape(IMAGE_SIZE, IMAGE_SIZE)


def draw_digit(digit: int, rng: np.random.Generator) -> np.ndarray:
    """One noisy 28x28 uint8 image of `digit`, white on black like MNIST."""
    strokes = _distort(_glyphs()[digit], rng)
    image = _render(strokes, pen_radius=rng.uniform(0.9, 1.9)) * rng.uniform(0.75, 1.0)
    image = image + rng.normal(0.0, rng.uniform(0.03, 0.18), size=image.shape)
    return np.round(np.clip(image, 0.0, 1.0) * 255).astype(np.uint8)


def make_split(n_images: int, seed: int) -> Dict[str, np.ndarray]:
    """`n_images` images with balanced, shuffled labels."""
    rng = np.random.default_rng(seed)
    labels = rng.permutation(np.arange(n_images) % 10).astype(np.uint8)
    images = np.stack([draw_digit(int(label), rng) for label in labels])
    return {"images": images, "labels": labels}


def make_examples(seed: int) -> np.ndarray:
    """Ten images showing the digits 0, 1, ..., 9 in that order (for predict_model.py)."""
    rng = np.random.default_rng(seed)
    return np.stack([draw_digit(digit, rng) for digit in range(10)])


def generate(n_train: int = 500, n_test: int = 100, seed: int = 0) -> Dict[str, np.ndarray]:
    """Everything this script writes, as arrays (train and test use different seeds)."""
    train = make_split(n_train, seed)
    test = make_split(n_test, seed + 1)
    return {
        "train_images": train["images"],
        "train_labels": train["labels"],
        "test_images": test["images"],
        "test_labels": test["labels"],
        "example_images": make_examples(seed + 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate the synthetic digit data set.")
    parser.add_argument("--n-train", type=int, default=500, help="training images (default: 500)")
    parser.add_argument("--n-test", type=int, default=100, help="test images (default: 100)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    parser.add_argument("--raw-dir", type=Path, default=Path("data/raw"), help="default: data/raw")
    parser.add_argument(
        "--examples", type=Path, default=Path("data/example_images.npy"), help="default: data/example_images.npy"
    )
    args = parser.parse_args()

    arrays = generate(args.n_train, args.n_test, args.seed)
    examples = arrays.pop("example_images")
    args.raw_dir.mkdir(parents=True, exist_ok=True)
    raw_file = args.raw_dir / "synthetic_digits.npz"
    np.savez_compressed(raw_file, **arrays)
    args.examples.parent.mkdir(parents=True, exist_ok=True)
    np.save(args.examples, examples)
    print(f"Wrote {raw_file} ({len(arrays['train_labels'])} train, {len(arrays['test_labels'])} test images)")
    print(f"Wrote {args.examples} (the digits 0-9 in order)")


if __name__ == "__main__":
    main()
