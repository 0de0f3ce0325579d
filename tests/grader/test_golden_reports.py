"""Golden reports, byte for byte except for timings, as Exercism tests results.json: the full report (golden/,
what instructors see) and its solver view (golden/solver/, what the submission's author sees). Both backends
must agree.

Regenerate after an intended change with MLJUDGE_UPDATE_GOLDEN=1 and review the diff."""
import json
import os

import pytest

from grader import grade, load_problem

from ..conftest import ROOT

FIXTURES = ROOT / "tests/grader/fixtures"
GOLDEN = ROOT / "tests/grader/golden"
SOLVER_GOLDEN = GOLDEN / "solver"
SUBMISSIONS = {
    "vector-norm-accepted": ("vector-norm", "import numpy as np\ndef row_norms(x):\n    return np.linalg.norm(x, axis=1)\n", {}),
    "vector-norm-wrong": ("vector-norm", "import numpy as np\ndef row_norms(x):\n    print('debug', x.shape)\n"
                          "    return np.abs(x).sum(axis=1).astype(float)\n", {}),
    "vector-norm-runtime-error": ("vector-norm", "def row_norms(x):\n    return x.nosuch()\n", {}),
    "vector-norm-public-only": ("vector-norm", "import numpy as np\ndef row_norms(x):\n    return np.linalg.norm(x, axis=1)\n",
                                {"public_only": True}),
    "vector-norm-compile-error": ("vector-norm", "def row_norms(x)\n    return x\n", {}),
    "tiny-scored-accepted": ("tiny-scored", (FIXTURES / "tiny-scored/reference.py").read_text(), {}),
    "tiny-scored-below-threshold": ("tiny-scored", (FIXTURES / "tiny-scored/wrong/constant.py").read_text(), {}),
}


def normalised(report) -> dict:
    data = report.to_dict()
    for key in ("time_s", "wall_time_s", "peak_memory_kb", "sandbox"):
        data[key] = None
    for test in data["tests"]:
        test["time_s"] = None if test["time_s"] is None else "<time>"
    return data


def matches_golden(data: dict, path) -> bool:
    got = json.dumps(data, indent=2, sort_keys=True) + "\n"
    if os.environ.get("MLJUDGE_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(got)
    return got == path.read_text()


@pytest.mark.parametrize("backend", ["local", pytest.param("docker", marks=pytest.mark.docker)])
@pytest.mark.parametrize("name", sorted(SUBMISSIONS))
def test_reports_match_the_golden_files(name, backend, request):
    sandbox = request.getfixturevalue(f"{backend}_sandbox")
    slug, source, options = SUBMISSIONS[name]
    report = grade(load_problem(FIXTURES / slug), source, sandbox=sandbox, reveal_hidden=True, **options)
    assert matches_golden(normalised(report), GOLDEN / f"{name}.json")
    assert matches_golden(normalised(report.for_solver()), SOLVER_GOLDEN / f"{name}.json")


@pytest.mark.parametrize("name", sorted(SUBMISSIONS))
def test_a_solver_is_graded_into_the_golden_solver_view(name, local_sandbox):
    slug, source, options = SUBMISSIONS[name]
    solver = grade(load_problem(FIXTURES / slug), source, sandbox=local_sandbox, **options)
    golden = (SOLVER_GOLDEN / f"{name}.json").read_text()
    assert json.dumps(normalised(solver), indent=2, sort_keys=True) + "\n" == golden
