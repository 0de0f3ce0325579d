"""Chart.js configurations as plain data (rendered with json_script; platform/frontend draws them)."""
from __future__ import annotations

from mljudge.submissions.models import Verdict

VERDICT_COLOURS = {Verdict.ACCEPTED: "#2e7d32"}
OTHER = "#c62828"
ACCENT = "#3559c7"


def verdicts_chart(*, stats) -> dict:
    """stats.verdicts: (verdict value, count) pairs; the bars carry the verdicts' labels."""
    labels = dict(Verdict.choices)
    return {"type": "bar", "data": {"labels": [labels.get(v, v) for v, _ in stats.verdicts], "datasets": [{
        "label": "Submissions", "data": [n for _, n in stats.verdicts],
        "backgroundColor": [VERDICT_COLOURS.get(v, OTHER) for v, _ in stats.verdicts]}]},
        "options": {"indexAxis": "y", "plugins": {"legend": {"display": False}}}}


def topics_chart(*, profile) -> dict:
    return {"type": "bar", "data": {"labels": [t for t, _ in profile.solved_by_topic], "datasets": [{
        "label": "Solved", "data": [n for _, n in profile.solved_by_topic], "backgroundColor": ACCENT}]},
        "options": {"plugins": {"legend": {"display": False}}, "scales": {"y": {"ticks": {"precision": 0}}}}}


def activity_chart(*, profile) -> dict:
    return {"type": "bar", "data": {"labels": [week.isoformat() for week, _ in profile.weeks], "datasets": [{
        "label": "Submissions per week", "data": [n for _, n in profile.weeks], "backgroundColor": ACCENT}]},
        "options": {"plugins": {"legend": {"display": False}}, "scales": {"y": {"ticks": {"precision": 0}}}}}
