"""Chart data is keyed on verdict values; the labels are the Verdict enum's."""
from __future__ import annotations

from mljudge.leaderboards import charts
from mljudge.leaderboards.selectors import ProblemStats
from mljudge.submissions.models import Verdict


def test_it_labels_bars_from_the_enum_and_colours_accepted_by_its_value():
    stats = ProblemStats(attempts=3, accepted=1, users_tried=2, users_solved=1,
                         verdicts=[(Verdict.WRONG_ANSWER.value, 2), (Verdict.ACCEPTED.value, 1)])
    data = charts.verdicts_chart(stats=stats)["data"]
    assert data["labels"] == [Verdict.WRONG_ANSWER.label, Verdict.ACCEPTED.label] == ["Wrong Answer", "Accepted"]
    assert data["datasets"][0]["data"] == [2, 1]
    assert data["datasets"][0]["backgroundColor"] == [charts.OTHER, charts.VERDICT_COLOURS[Verdict.ACCEPTED]]
