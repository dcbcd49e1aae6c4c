"""pytorch_docker.py, the lesson's exercise 12 check: succeeds only where PyTorch imports."""
from __future__ import annotations

import unittest

from support import PROJECT, run


class PytorchDocker(unittest.TestCase):
    def test_with_torch(self) -> None:
        result = run(["pytorch_docker.py"], cwd=PROJECT)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r"(?m)^PyTorch version: \d+\.\d+")
        self.assertRegex(result.stdout, r"(?m)^CUDA available: (True|False)$")
        self.assertIn("Sum of a 3x3 matrix product computed on", result.stdout)

    def test_without_torch(self) -> None:
        # -S skips site-packages, so this same Python has no torch: like a plain python image.
        result = run(["-S", "pytorch_docker.py"], cwd=PROJECT)
        self.assertEqual(result.returncode, 1)
        self.assertIn("PyTorch is not installed", result.stderr)
        self.assertEqual(result.stdout, "")


if __name__ == "__main__":
    unittest.main()
