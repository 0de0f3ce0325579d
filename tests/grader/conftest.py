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


LEARN_TEXT = ("## The idea\n\nThe Euclidean norm of a row measures its length. " + "word " * 150 +
              "\n\n## The math\n\n$\\|x\\|_2 = \\sqrt{\\sum_j x_j^2}$\n\n## Pitfalls\n\nSumming absolute values "
              "gives the L1 norm, not the L2 norm.\n")
HINTS_TEXT = ("## Which norm?\n\nThe Euclidean one: square, sum, root.\n\n"
              "## Along which axis?\n\nOne norm per row: reduce over the columns, $axis=1$.\n")
EDITORIAL_TEXT = ("## Approach\n\n`np.sqrt((x ** 2).sum(axis=1))` after converting to float.\n\n"
                  "## Complexity\n\n$O(nm)$ time for an $n \\times m$ input, $O(n)$ extra memory.\n\n"
                  "## Why the usual mistakes fail\n\n- The L1 norm differs as soon as a row has two non-zero "
                  "entries.\n")
# Wrong row norms, one plausible mistake each, that the fixture's hidden cases reject.
EXTRA_WRONG = {"squared.py": "return (x.astype(float) ** 2).sum(axis=1)",
               "max_abs.py": "return np.abs(x).max(axis=1).astype(float)",
               "column_norms.py": "return np.sqrt((x.astype(float) ** 2).sum(axis=0))",
               "rounded.py": "return np.round(np.sqrt((x.astype(float) ** 2).sum(axis=1)), 1)"}


def write_learning_texts(folder):
    (folder / "hints.md").write_text(HINTS_TEXT)
    (folder / "learn.md").write_text(LEARN_TEXT)
    (folder / "editorial.md").write_text(EDITORIAL_TEXT)


def to_bank_standard(folder):
    """The vector-norm fixture (3 hidden cases, 1 wrong solution, no texts for people) raised to the bank's
    standard: 8 hidden cases in 3 categories, 5 wrong solutions, hints, learn text and editorial."""
    write_learning_texts(folder)
    cases = folder / "cases.py"
    cases.write_text(cases.read_text().replace("def cases():", "def _base_cases():") + '''

def cases():
    extra = [{"name": f"hidden-random-{i}", "public": False, "category": "random inputs",
              "args": [np.random.default_rng(i).normal(size=(3 + i, 4))]} for i in range(5)]
    named = ["integer dtype", "wide rows", "large values"]
    base = [{**c, "category": named.pop(0)} if not c["public"] else c for c in _base_cases()]
    return base + extra
''')
    for name, body in EXTRA_WRONG.items():
        (folder / "wrong" / name).write_text(f"import numpy as np\n\n\ndef row_norms(x):\n    {body}\n")
    return folder

