"""Training and prediction, run as the lesson runs them: scripts started from the project folder."""
from __future__ import annotations

import re
import subprocess
import tempfile
import unittest
from pathlib import Path
from typing import List

import numpy as np
import torch

from support import PROJECT, copy_container_layout, epoch_lines, predictions, run
from src.models.model import DigitClassifier

EXAMPLE_DIGITS = list(range(10))  # data/example_images.npy shows 0, 1, ..., 9 in order
TRAIN = "src/models/train_model.py"
PREDICT = "src/models/predict_model.py"
MODEL = "models/trained_model.pt"
# Set up once for the whole module: a copy of the files the lesson's Dockerfile copies, with no
# models/ folder, in which `python src/models/train_model.py --epochs 2` ran.
workdir: Path
short_run: subprocess.CompletedProcess
_tmp: tempfile.TemporaryDirectory


def setUpModule() -> None:
    global workdir, short_run, _tmp
    _tmp = tempfile.TemporaryDirectory(prefix="mnist-project-")
    workdir = Path(_tmp.name)
    copy_container_layout(workdir)
    assert not (workdir / "models").exists()
    short_run = run([TRAIN, "--epochs", "2"], cwd=workdir)


def tearDownModule() -> None:
    _tmp.cleanup()


class ShortTraining(unittest.TestCase):
    """Two epochs of training, then predictions with the saved model."""

    def setUp(self) -> None:
        self.result = short_run

    def test_exits_successfully(self) -> None:
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        self.assertEqual(self.result.stderr, "")

    def test_prints_one_line_per_epoch_and_the_loss_goes_down(self) -> None:
        epochs = epoch_lines(self.result.stdout)
        self.assertEqual([(e, n) for e, n, _, _ in epochs], [(1, 2), (2, 2)], self.result.stdout)
        (_, _, first_loss, first_acc), (_, _, second_loss, second_acc) = epochs
        self.assertLess(second_loss, first_loss)
        self.assertGreater(second_acc, first_acc)

    def test_reports_test_accuracy_and_where_the_model_went(self) -> None:
        self.assertRegex(self.result.stdout, r"(?m)^Test accuracy: \d\.\d{4} \(100 images\)$")
        self.assertIn("Saved model to models/trained_model.pt", self.result.stdout)

    def test_saves_a_state_dict_under_models_in_the_working_directory(self) -> None:
        path = workdir / MODEL
        self.assertTrue(path.is_file())
        state = torch.load(path, map_location="cpu", weights_only=True)  # loads under PyTorch >= 2.6 defaults
        DigitClassifier().load_state_dict(state)

    def test_same_seed_gives_the_same_run(self) -> None:
        again = run([TRAIN, "--epochs", "1", "--output", "models/again.pt"], cwd=workdir)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(epoch_lines(again.stdout)[0][2:], epoch_lines(self.result.stdout)[0][2:])

    def test_predict_loads_the_saved_model(self) -> None:
        result = run([PREDICT, MODEL, "data/example_images.npy"], cwd=workdir)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Predictions for 10 images in data/example_images.npy:", result.stdout)
        digits = predictions(result.stdout)
        self.assertEqual(len(digits), 10)
        correct = sum(p == t for p, t in zip(digits, EXAMPLE_DIGITS))
        self.assertGreaterEqual(correct, 3, f"two epochs should beat chance (1 in 10): {digits}")

    def test_predict_reads_pt_files_and_absolute_paths(self) -> None:
        with tempfile.TemporaryDirectory() as elsewhere:
            result = run(
                [str(workdir / PREDICT), str(workdir / MODEL), str(workdir / "data/processed/test.pt")],
                cwd=Path(elsewhere),
            )
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(len(predictions(result.stdout)), 100)

    def test_predict_accepts_float_and_single_images(self) -> None:
        images = np.load(workdir / "data/example_images.npy")
        torch.save(torch.from_numpy(images[3]).float() / 255, workdir / "one.pt")
        result = run([PREDICT, MODEL, "one.pt"], cwd=workdir)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(len(predictions(result.stdout)), 1)


class PredictErrors(unittest.TestCase):
    """Clear messages and a non-zero exit status instead of tracebacks."""

    def assert_usage_error(self, args: List[str], message: str) -> None:
        result = run([PREDICT, *args], cwd=workdir)
        self.assertEqual(result.returncode, 2, result.stdout)
        self.assertIn("usage: predict_model.py [-h] MODEL_PATH IMAGES_PATH", result.stderr)
        self.assertIn(message, result.stderr)
        self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_missing_model_file(self) -> None:
        self.assert_usage_error(
            ["models/no_such_model.pt", "data/example_images.npy"],
            "error: model file not found: models/no_such_model.pt",
        )

    def test_missing_images_file(self) -> None:
        self.assert_usage_error(
            [MODEL, "no/such/images.npy"],
            "error: images file not found: no/such/images.npy",
        )

    def test_missing_arguments(self) -> None:
        self.assert_usage_error([], "error: the following arguments are required: MODEL_PATH, IMAGES_PATH")

    def test_a_file_that_is_not_a_model(self) -> None:
        self.assert_usage_error(
            ["data/example_images.npy", "data/example_images.npy"],
            "error: data/example_images.npy is not a model saved by train_model.py",
        )

    def test_images_of_the_wrong_shape(self) -> None:
        np.save(workdir / "small.npy", np.zeros((3, 20, 20), dtype=np.uint8))
        self.assert_usage_error(
            [MODEL, "small.npy"],
            "error: could not read images from small.npy: expected 28x28 images shaped (28, 28), (N, 28, 28) "
            "or (N, 1, 28, 28), got (3, 20, 20)",
        )

    def test_unsupported_images_file_type(self) -> None:
        self.assert_usage_error([MODEL, "data/raw/synthetic_digits.npz"], "unsupported file type '.npz'")

    def test_help(self) -> None:
        result = run([PREDICT, "--help"], cwd=workdir)
        self.assertEqual(result.returncode, 0)
        self.assertIn("MODEL_PATH", result.stdout)
        self.assertIn("IMAGES_PATH", result.stdout)


class TrainErrors(unittest.TestCase):
    def test_missing_data(self) -> None:
        with tempfile.TemporaryDirectory() as empty:
            result = run([str(workdir / TRAIN)], cwd=Path(empty))
        self.assertEqual(result.returncode, 2)
        self.assertIn("data/processed/train.pt not found", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_bad_flags(self) -> None:
        cases = ((["--epochs", "0"], "--epochs must be at least 1"), (["--lr", "-1"], "--lr must be positive"))
        for flags, message in cases:
            result = run([TRAIN, *flags], cwd=workdir)
            self.assertEqual(result.returncode, 2, flags)
            self.assertIn(message, result.stderr)


class DefaultTraining(unittest.TestCase):
    """`python src/models/train_model.py` with no flags learns far beyond chance, in seconds."""

    def test_default_run(self) -> None:
        with tempfile.TemporaryDirectory(prefix="mnist-default-") as tmp:
            here = Path(tmp)
            copy_container_layout(here)
            result = run([TRAIN], cwd=here)
            self.assertEqual(result.returncode, 0, result.stderr)
            epochs = epoch_lines(result.stdout)
            self.assertEqual(len(epochs), 5)
            losses = [loss for _, _, loss, _ in epochs]
            self.assertEqual(losses, sorted(losses, reverse=True), "the loss falls every epoch")
            test_accuracy = float(re.search(r"Test accuracy: (\d\.\d+)", result.stdout).group(1))
            self.assertGreaterEqual(test_accuracy, 0.85)

            predicted = run([PREDICT, MODEL, "data/example_images.npy"], cwd=here)
            self.assertEqual(predicted.returncode, 0, predicted.stderr)
            correct = sum(p == t for p, t in zip(predictions(predicted.stdout), EXAMPLE_DIGITS))
            self.assertGreaterEqual(correct, 8)


if __name__ == "__main__":
    unittest.main()
