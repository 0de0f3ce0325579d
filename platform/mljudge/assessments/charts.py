"""The statistics chart of an assignment as Chart.js data (rendered with json_script; platform/frontend draws it)."""
from __future__ import annotations

from mljudge.leaderboards.charts import ACCENT, OTHER, VERDICT_COLOURS
from mljudge.submissions.models import Verdict


def stats_chart(*, stats) -> dict:
    labels = [s.item.problem.slug for s in stats]
    return {"type": "bar", "data": {"labels": labels, "datasets": [
        {"label": "Attempted", "data": [s.attempted for s in stats], "backgroundColor": ACCENT},
        {"label": "Solved", "data": [s.solved for s in stats], "backgroundColor": VERDICT_COLOURS[Verdict.ACCEPTED]},
        {"label": "Late", "data": [s.late for s in stats], "backgroundColor": OTHER}]},
        "options": {"scales": {"y": {"ticks": {"precision": 0}, "beginAtZero": True}}}}
