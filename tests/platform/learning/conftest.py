import pytest

from ..leaderboards.conftest import grade  # noqa: F401  (the real last step of grading, without a sandbox)

EDITORIAL_CANARY = "EDITORIAL-CANARY-4b1e"
HINTS = (("Which concept", "Think about $e^x$ overflowing."), ("Shift", "Subtract the row max first."),
         ("Almost there", "Then exponentiate and divide by the sum."))


@pytest.fixture
def hinted(make_problem):
    """A function problem with three hints, a learn text and an editorial holding a canary."""
    return make_problem("hinted", difficulty="medium", hints=HINTS, learn="## The idea\n\nStable $\\exp$.",
                        editorial=f"## Approach\n\n{EDITORIAL_CANARY}: shift by the max.")
