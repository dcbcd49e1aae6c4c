"""The shipped data set, the synthetic generator and the MNIST reader (never touching the network)."""
from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import socket
import struct
import tempfile
import unittest
from pathlib import Path
from typing import Dict
from unittest import mock

import numpy as np
import torch

from support import PROJECT, run
from src.data import make_dataset, make_synthetic

DATA = PROJECT / "data"


def idx_bytes(array: np.ndarray) -> bytes:
    """Encode a uint8 array in the IDX format MNIST uses."""
    header = bytes([0, 0, 0x08, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return header + array.astype(np.uint8).tobytes()


def fake_mnist(n_train: int = 30, n_test: int = 10) -> Dict[str, bytes]:
    """Gzipped IDX files named like MNIST's, holding random images."""
    rng = np.random.default_rng(7)
    arrays = {
        "train-images-idx3-ubyte.gz": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "train-labels-idx1-ubyte.gz": rng.integers(0, 10, n_train, dtype=np.uint8),
        "t10k-images-idx3-ubyte.gz": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "t10k-labels-idx1-ubyte.gz": rng.integers(0, 10, n_test, dtype=np.uint8),
    }
    return {name: gzip.compress(idx_bytes(array)) for name, array in arrays.items()}


class ShippedData(unittest.TestCase):
    def test_processed_splits(self) -> None:
        for name, size in (("train", 500), ("test", 100)):
            data = torch.load(DATA / "processed" / f"{name}.pt", weights_only=True)  # safe-loading works
            self.assertEqual(set(data), {"images", "labels"})
            self.assertEqual(tuple(data["images"].shape), (size, 28, 28))
            self.assertEqual(data["images"].dtype, torch.uint8)
            self.assertEqual(data["labels"].dtype, torch.int64)
            self.assertEqual(torch.bincount(data["labels"], minlength=10).tolist(), [size // 10] * 10)

    def test_processed_files_hold_the_raw_images(self) -> None:
        with np.load(DATA / "raw" / "synthetic_digits.npz") as raw:
            for name in ("train", "test"):
                data = torch.load(DATA / "processed" / f"{name}.pt")
                np.testing.assert_array_equal(data["images"].numpy(), raw[f"{name}_images"])
                np.testing.assert_array_equal(data["labels"].numpy(), raw[f"{name}_labels"])

    def test_example_images_are_ten_digits(self) -> None:
        images = np.load(DATA / "example_images.npy", allow_pickle=False)
        self.assertEqual(images.shape, (10, 28, 28))
        self.assertEqual(images.dtype, np.uint8)

    def test_images_look_like_mnist(self) -> None:
        images = torch.load(DATA / "processed" / "train.pt")["images"].float() / 255
        border = torch.cat([images[:, :3].flatten(), images[:, -3:].flatten()])
        centre = images[:, 8:20, 8:20].flatten()
        self.assertLess(border.mean().item(), 0.1, "a dark background")
        self.assertGreater(centre.mean().item(), 3 * border.mean().item(), "a light digit in the middle")

    def test_whole_data_folder_is_small(self) -> None:
        files = [p for p in DATA.rglob("*") if p.is_file() and "mnist" not in p.parts]
        self.assertLess(sum(p.stat().st_size for p in files), 1_000_000)

    def test_readme_says_synthetic(self) -> None:
        self.assertIn("SYNTHETIC", (DATA / "README.md").read_text())


class SyntheticGenerator(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.arrays = make_synthetic.generate()

    def test_shipped_data_is_what_the_generator_makes(self) -> None:
        with np.load(DATA / "raw" / "synthetic_digits.npz") as raw:
            self.assertEqual(sorted(raw.files), sorted(set(self.arrays) - {"example_images"}))
            for name in raw.files:
                self.assert_close(raw[name], self.arrays[name])
        self.assert_close(np.load(DATA / "example_images.npy"), self.arrays["example_images"])

    def assert_close(self, shipped: np.ndarray, generated: np.ndarray) -> None:
        # Identical here; allow off-by-one rounding from other numpy builds.
        self.assertEqual(shipped.shape, generated.shape)
        self.assertEqual(shipped.dtype, generated.dtype)
        self.assertLessEqual(np.abs(shipped.astype(int) - generated.astype(int)).max(), 1)

    def test_same_seed_same_images_other_seed_other_images(self) -> None:
        rng_a, rng_b, rng_c = (np.random.default_rng(s) for s in (3, 3, 4))
        first, second = make_synthetic.draw_digit(5, rng_a), make_synthetic.draw_digit(5, rng_b)
        np.testing.assert_array_equal(first, second)
        self.assertFalse(np.array_equal(first, make_synthetic.draw_digit(5, rng_c)))

    def test_digits_differ_from_each_other(self) -> None:
        # Mean image of each class: every pair of classes must be clearly apart.
        images = self.arrays["train_images"].astype(float) / 255
        labels = self.arrays["train_labels"]
        means = np.stack([images[labels == d].mean(axis=0) for d in range(10)])
        distances = np.linalg.norm((means[:, None] - means[None]).reshape(10, 10, -1), axis=2)
        self.assertGreater(distances[~np.eye(10, dtype=bool)].min(), 1.0)

    def test_command_line(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            result = run(
                [str(PROJECT / "src/data/make_synthetic.py"), "--n-train", "20", "--n-test", "10"], cwd=Path(tmp)
            )
            self.assertEqual(result.returncode, 0, result.stderr)
            with np.load(Path(tmp) / "data/raw/synthetic_digits.npz") as raw:
                self.assertEqual(raw["train_images"].shape, (20, 28, 28))
            self.assertEqual(np.load(Path(tmp) / "data/example_images.npy").shape, (10, 28, 28))

            result = run([str(PROJECT / "src/data/make_dataset.py")], cwd=Path(tmp))
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(torch.load(Path(tmp) / "data/processed/test.pt")["labels"].shape, (10,))


class IdxFormat(unittest.TestCase):
    def test_round_trip(self) -> None:
        images = np.arange(2 * 28 * 28, dtype=np.uint32).reshape(2, 28, 28).astype(np.uint8)
        np.testing.assert_array_equal(make_dataset.parse_idx(idx_bytes(images)), images)
        labels = np.array([3, 1, 4], dtype=np.uint8)
        np.testing.assert_array_equal(make_dataset.parse_idx(idx_bytes(labels)), labels)

    def test_rejects_broken_files(self) -> None:
        good = idx_bytes(np.zeros((2, 3), dtype=np.uint8))
        cases = {
            "bad magic number": b"\x01" + good[1:],
            "only unsigned bytes": good[:2] + b"\x0d" + good[3:],
            "promises 6 values but the file holds 5": good[:-1],
            "ends inside its header": good[:6],
        }
        for message, data in cases.items():
            with self.assertRaisesRegex(ValueError, message):
                make_dataset.parse_idx(data)


class MnistWithoutNetwork(unittest.TestCase):
    """download_mnist with urlopen replaced by a fake; any real connection attempt fails the test."""

    def setUp(self) -> None:
        no_network = mock.Mock(side_effect=AssertionError("tests must not use the network"))
        for name in ("create_connection", "getaddrinfo"):
            patcher = mock.patch.object(socket, name, no_network)
            patcher.start()
            self.addCleanup(patcher.stop)
        self.files = fake_mnist()
        checksums = {name: hashlib.md5(data).hexdigest() for name, data in self.files.items()}
        patcher = mock.patch.dict(make_dataset.MNIST_FILES, checksums)
        patcher.start()
        self.addCleanup(patcher.stop)
        self.requested = []

    def download(self, raw_dir: Path) -> str:
        """download_mnist's printed progress."""
        with contextlib.redirect_stdout(io.StringIO()) as output:
            make_dataset.download_mnist(raw_dir)
        return output.getvalue()

    def fake_urlopen(self, url: str, timeout: float) -> io.BytesIO:
        self.requested.append(url)
        return io.BytesIO(self.files[url.rsplit("/", 1)[1]])

    def test_download_then_process(self) -> None:
        with tempfile.TemporaryDirectory() as tmp, mock.patch("urllib.request.urlopen", self.fake_urlopen):
            raw_dir = Path(tmp) / "raw" / "mnist"
            self.assertEqual(self.download(raw_dir).count("Downloading "), 4)
            self.assertEqual(len(self.requested), 4)
            self.assertTrue(all(url.startswith(make_dataset.MNIST_URL) for url in self.requested))

            self.assertEqual(self.download(raw_dir), "")  # files already there and intact: nothing fetched
            self.assertEqual(len(self.requested), 4)

            written = make_dataset.save_processed(make_dataset.load_mnist(raw_dir), Path(tmp) / "processed")
            self.assertEqual([p.name for p in written], ["train.pt", "test.pt"])
            train = torch.load(Path(tmp) / "processed" / "train.pt", weights_only=True)
            self.assertEqual(tuple(train["images"].shape), (30, 28, 28))
            self.assertEqual(train["labels"].dtype, torch.int64)

    def test_checksum_mismatch(self) -> None:
        self.files["train-images-idx3-ubyte.gz"] += b"tampered"
        with tempfile.TemporaryDirectory() as tmp, mock.patch("urllib.request.urlopen", self.fake_urlopen):
            with self.assertRaisesRegex(ValueError, "checksum mismatch"):
                self.download(Path(tmp))
            self.assertFalse((Path(tmp) / "train-images-idx3-ubyte.gz").exists())

    def test_command_line_reads_files_already_downloaded(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            raw_dir = Path(tmp) / "data" / "raw" / "mnist"
            raw_dir.mkdir(parents=True)
            for name, data in self.files.items():
                (raw_dir / name).write_bytes(data)
            result = run([str(PROJECT / "src/data/make_dataset.py"), "--source", "mnist"], cwd=Path(tmp))
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(torch.load(Path(tmp) / "data/processed/test.pt")["images"].shape, (10, 28, 28))

    def test_command_line_without_the_files(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            result = run([str(PROJECT / "src/data/make_dataset.py"), "--source", "mnist"], cwd=Path(tmp))
            self.assertEqual(result.returncode, 1)
            self.assertIn("run again with --download", result.stderr)


if __name__ == "__main__":
    unittest.main()
