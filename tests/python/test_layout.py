"""The project's files: where the lesson expects them, installable, typed, and Python 3.7 compatible."""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import unittest
from pathlib import Path
from typing import Iterator, List, Tuple

from support import CONTAINER_FILES, PROJECT

PYTHON_FILES = sorted(p for p in PROJECT.rglob("*.py") if "__pycache__" not in p.parts)


def functions(tree: ast.AST) -> Iterator[ast.FunctionDef]:
    return (node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef))


class Layout(unittest.TestCase):
    def test_paths_the_lesson_uses(self) -> None:
        expected = CONTAINER_FILES + [
            "README.md",
            "pytorch_docker.py",
            "src/__init__.py",
            "src/models/__init__.py",
            "src/models/model.py",
            "src/models/train_model.py",
            "src/models/predict_model.py",
            "src/data/__init__.py",
            "src/data/make_dataset.py",
            "src/data/make_synthetic.py",
            "data/README.md",
            "data/example_images.npy",
            "data/processed/train.pt",
            "data/processed/test.pt",
        ]
        for name in expected:
            self.assertTrue((PROJECT / name).exists(), name)

    def test_requirements(self) -> None:
        lines = [line.split("#")[0].strip() for line in (PROJECT / "requirements.txt").read_text().splitlines()]
        names = {re.split(r"[<>=!~ ;\[]", line)[0].lower() for line in lines if line}
        self.assertEqual(names, {"torch", "numpy"})

    def test_no_project_file_is_ignored_by_git(self) -> None:
        if shutil.which("git") is None or not (PROJECT.parents[1] / ".git").exists():
            self.skipTest("not in a git work tree")

        def made_by_running(parts: Tuple[str, ...]) -> bool:
            return parts[0] == "models" or "__pycache__" in parts or parts[:3] == ("data", "raw", "mnist")

        relative = (p.relative_to(PROJECT) for p in PROJECT.rglob("*") if p.is_file())
        files = [str(path) for path in relative if not made_by_running(path.parts)]
        ignored = subprocess.run(["git", "check-ignore", *files], cwd=PROJECT, capture_output=True, text=True)
        self.assertEqual(ignored.stdout, "", "these files would never be committed")

    def test_setup_py_lists_every_package(self) -> None:
        tree = ast.parse((PROJECT / "setup.py").read_text())
        setup_call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "setup")
        keywords = {k.arg: ast.literal_eval(k.value) for k in setup_call.keywords}
        self.assertEqual(keywords["name"], "src")
        on_disk = {
            ".".join(init.parent.relative_to(PROJECT).parts)
            for init in PROJECT.glob("src/**/__init__.py")
        }
        self.assertEqual(set(keywords["packages"]), on_disk)


class CodeStyle(unittest.TestCase):
    def test_python_3_7_syntax(self) -> None:
        # The lesson's image is python:3.7-slim: no walrus, no positional-only parameters, ...
        for path in PYTHON_FILES:
            with self.subTest(path=path.relative_to(PROJECT)):
                ast.parse(path.read_text(), filename=str(path), feature_version=(3, 7))

    def test_annotations_are_never_evaluated(self) -> None:
        # `list[int]` and `X | None` in hints fail on Python 3.7 unless annotations stay strings.
        for path in PYTHON_FILES:
            tree = ast.parse(path.read_text())
            if any(True for _ in functions(tree)):
                with self.subTest(path=path.relative_to(PROJECT)):
                    self.assertIn("from __future__ import annotations", path.read_text())

    def test_every_function_is_typed(self) -> None:
        missing: List[str] = []
        for path in PYTHON_FILES:
            for function in functions(ast.parse(path.read_text())):
                args = function.args
                params = args.posonlyargs + args.args + args.kwonlyargs
                params += [a for a in (args.vararg, args.kwarg) if a is not None]
                untyped = [a.arg for a in params if a.annotation is None and a.arg not in ("self", "cls")]
                if function.returns is None or untyped:
                    missing.append(f"{path.relative_to(PROJECT)}:{function.lineno} {function.name} {untyped}")
        self.assertEqual(missing, [])

    def test_output_is_not_flushed_by_hand(self) -> None:
        # The lesson explains `python -u`: the scripts keep print's default buffering.
        for path in PYTHON_FILES:
            self.assertNotIn("flush=True", path.read_text(), path)


if __name__ == "__main__":
    unittest.main()
