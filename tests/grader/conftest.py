import shutil

import pytest

from ..conftest import ROOT

VECTOR_NORM = ROOT / "tests/grader/fixtures/vector-norm"


@pytest.fixture
def folder(tmp_path):
    """A private copy of the vector-norm fixture problem, for tests that edit it."""
    target = tmp_path / "vector-norm"
    shutil.copytree(VECTOR_NORM, target)
    return target
