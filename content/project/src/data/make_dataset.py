"""Turn raw digits into the tensors that training reads: data/processed/train.pt and test.pt.

Each processed file holds {"images": uint8 tensor (N, 28, 28), "labels": int64 tensor (N,)}.
Two sources of raw data:

  synthetic (default)  data/raw/synthetic_digits.npz, made by src/data/make_synthetic.py
                       and shipped with the project
  mnist                the four gzipped IDX files of the real MNIST in data/raw/mnist/;
                       add --download to fetch them first (needs internet, ~11 MB)

    python src/data/make_dataset.py
    python src/data/make_dataset.py --source mnist --download
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import struct
import sys
import urllib.request
from pathlib import Path
from typing import Dict, List, Tuple

import numpy as np
import torch

Split = Tuple[np.ndarray, np.ndarray]  # (images uint8 (N, 28, 28), labels (N,))

MNIST_URL = "https://ossci-datasets.s3.amazonaws.com/mnist/"
# file name -> MD5 of the published gzip file
MNIST_FILES = {
    "train-images-idx3-ubyte.gz": "f68b3c2dcbeaaa9fbdd348bbdeb94873",
    "train-labels-idx1-ubyte.gz": "d53e105ee54ea40749a09fcbcd1e9432",
    "t10k-images-idx3-ubyte.gz": "9fb629c4189551a2d022fa330f9573f3",
    "t10k-labels-idx1-ubyte.gz": "ec29112dd5afa0611ce80d1b7f02629c",
}
IDX_UNSIGNED_BYTE = 0x08


def parse_idx(data: bytes) -> np.ndarray:
    """Decode an IDX file of unsigned bytes (the format MNIST is published in).

    Layout: two zero bytes, a type code (0x08 = uint8), the number of dimensions, then each
    dimension as a big-endian uint32, then the values in row-major order.
    """
    if len(data) < 4 or data[0] != 0 or data[1] != 0:
        raise ValueError("not an IDX file (bad magic number)")
    if data[2] != IDX_UNSIGNED_BYTE:
        raise ValueError(f"unsupported IDX value type 0x{data[2]:02x}; only unsigned bytes are handled")
    n_dims = data[3]
    header_size = 4 + 4 * n_dims
    if len(data) < header_size:
        raise ValueError("IDX file ends inside its header")
    shape = struct.unpack(f">{n_dims}I", data[4:header_size])
    values = np.frombuffer(data, dtype=np.uint8, offset=header_size)
    expected = int(np.prod(shape, dtype=np.int64))
    if values.size != expected:
        raise ValueError(f"IDX header promises {expected} values but the file holds {values.size}")
    return values.reshape(shape)


def read_idx_gz(path: Path) -> np.ndarray:
    with gzip.open(path, "rb") as file:
        return parse_idx(file.read())


def _md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


def download_mnist(raw_dir: Path, base_url: str = MNIST_URL, timeout: float = 60.0) -> List[Path]:
    """Fetch the four MNIST files into `raw_dir`, checking each one's MD5; skips files already there."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, md5 in MNIST_FILES.items():
        path = raw_dir / name
        if not (path.exists() and _md5(path.read_bytes()) == md5):
            print(f"Downloading {base_url}{name}")
            with urllib.request.urlopen(base_url + name, timeout=timeout) as response:
                data = response.read()
            if _md5(data) != md5:
                raise ValueError(f"{name}: checksum mismatch, the download is incomplete or altered")
            path.write_bytes(data)
        paths.append(path)
    return paths


def load_mnist(raw_dir: Path) -> Dict[str, Split]:
    """Read the real MNIST from its IDX files in `raw_dir`."""

    def read(stem: str) -> np.ndarray:
        return read_idx_gz(raw_dir / f"{stem}-ubyte.gz")

    return {
        "train": (read("train-images-idx3"), read("train-labels-idx1")),
        "test": (read("t10k-images-idx3"), read("t10k-labels-idx1")),
    }


def load_synthetic(raw_file: Path) -> Dict[str, Split]:
    """Read the synthetic digits written by make_synthetic.py."""
    with np.load(raw_file) as arrays:
        return {
            "train": (arrays["train_images"], arrays["train_labels"]),
            "test": (arrays["test_images"], arrays["test_labels"]),
        }


def check_split(name: str, images: np.ndarray, labels: np.ndarray) -> None:
    if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != (28, 28):
        raise ValueError(f"{name}: expected uint8 images of shape (N, 28, 28), got {images.dtype} {images.shape}")
    if labels.shape != (len(images),):
        raise ValueError(f"{name}: {len(images)} images but labels of shape {labels.shape}")
    if labels.size and (labels.min() < 0 or labels.max() > 9):
        raise ValueError(f"{name}: labels must be digits 0-9")


def save_processed(splits: Dict[str, Split], out_dir: Path) -> List[Path]:
    """Write each split as out_dir/<split>.pt; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (images, labels) in splits.items():
        check_split(name, images, labels)
        path = out_dir / f"{name}.pt"
        # np.array copies: arrays parsed from IDX bytes are read-only, which torch warns about.
        tensors = {"images": torch.from_numpy(np.array(images)), "labels": torch.from_numpy(labels.astype(np.int64))}
        torch.save(tensors, path)
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description="Turn raw digits into data/processed/{train,test}.pt.")
    parser.add_argument("--source", choices=["synthetic", "mnist"], default="synthetic", help="default: synthetic")
    parser.add_argument("--download", action="store_true", help="with --source mnist: fetch the files first")
    parser.add_argument("--raw-dir", type=Path, default=Path("data/raw"), help="default: data/raw")
    parser.add_argument("--out-dir", type=Path, default=Path("data/processed"), help="default: data/processed")
    args = parser.parse_args()
    if args.download and args.source != "mnist":
        parser.error("--download only applies to --source mnist")

    if args.source == "mnist":
        mnist_dir = args.raw_dir / "mnist"
        if args.download:
            download_mnist(mnist_dir)
        missing = [name for name in MNIST_FILES if not (mnist_dir / name).exists()]
        if missing:
            sys.exit(f"error: {mnist_dir} lacks {', '.join(missing)}; run again with --download")
        splits = load_mnist(mnist_dir)
    else:
        raw_file = args.raw_dir / "synthetic_digits.npz"
        if not raw_file.exists():
            sys.exit(f"error: {raw_file} not found; create it with: python src/data/make_synthetic.py")
        splits = load_synthetic(raw_file)

    for path in save_processed(splits, args.out_dir):
        print(f"Wrote {path}")


if __name__ == "__main__":
    main()
