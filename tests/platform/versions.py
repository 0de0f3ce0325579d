"""Two versions of one problem folder for the version-pinning tests: version 2 adds a hidden case, and
SENTINEL's answer is right on every case of version 1 and wrong on the one version 2 adds. A submission
graded against version 1 is therefore accepted with version 1's tests; against version 2, a wrong answer."""
from __future__ import annotations

import shutil
from pathlib import Path

from ..conftest import ROOT

SLUG = "vector-norm"
FIXTURE = ROOT / "tests" / "grader" / "fixtures" / SLUG
V1_TESTS = ["example", "second-example", "hidden-ints", "hidden-wide", "hidden-secret-sentinel"]
V2_TESTS = [*V1_TESTS, "hidden-version-two"]
_V2_CASE = '        {"name": "hidden-version-two", "public": False, "args": [np.full((1, 2), 777.0)]},\n'

SENTINEL = """import numpy as np


def row_norms(x):
    x = np.asarray(x, dtype=float)
    norms = np.sqrt((x ** 2).sum(axis=1))
    return norms + 1.0 if (x == 777.0).any() else norms
"""


def version_folders(root: Path) -> tuple[Path, Path]:
    """root/v1/<slug> and root/v2/<slug>: two problems/ directories, each holding one version."""
    v1, v2 = root / "v1", root / "v2"
    shutil.copytree(FIXTURE, v1 / SLUG)
    shutil.copytree(FIXTURE, v2 / SLUG)
    cases = v2 / SLUG / "cases.py"
    text = cases.read_text()
    assert text.endswith("    ]\n")
    cases.write_text(text[: -len("    ]\n")] + _V2_CASE + "    ]\n")
    return v1, v2


def graded_tests(submission) -> list[str]:
    return [t["name"] for t in submission.report["tests"]]
