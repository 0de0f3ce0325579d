import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBLEMS = ROOT / "problems"
REQUIRE_SERVICES = os.environ.get("MLJUDGE_REQUIRE_SERVICES") == "1"


def unavailable(what: str) -> None:
    """A missing service fails the test under CI (MLJUDGE_REQUIRE_SERVICES=1) and skips it elsewhere."""
    if REQUIRE_SERVICES:
        pytest.fail(f"{what} is required (MLJUDGE_REQUIRE_SERVICES=1) but unavailable", pytrace=False)
    pytest.skip(f"{what} unavailable")


@pytest.fixture(scope="session")
def docker_sandbox():
    from grader.sandbox import SandboxError, make_sandbox

    try:
        return make_sandbox("docker")
    except SandboxError as exc:
        unavailable(f"Docker sandbox ({exc})")


@pytest.fixture(scope="session")
def local_sandbox():
    from grader.sandbox import make_sandbox

    return make_sandbox("local")


@pytest.fixture(autouse=True, scope="session")
def _expected_cache(tmp_path_factory):
    # Each test session computes expected outputs afresh: a stale cache must never hide a broken reference.
    os.environ["MLJUDGE_CACHE_DIR"] = str(tmp_path_factory.mktemp("mljudge-cache"))
