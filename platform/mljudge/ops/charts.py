"""The System page's chart and table, as plain data (the chart is drawn by platform/frontend/src/charts.js)."""
from __future__ import annotations

from collections import defaultdict

from mljudge.submissions.models import Status, Verdict

from .selectors import Figures, Histogram


def _per_bucket(histogram: Histogram) -> list[int]:
    cumulative = list(histogram.buckets) + [histogram.count]
    return [n - (cumulative[i - 1] if i else 0) for i, n in enumerate(cumulative)]


def durations_chart(*, figures: Figures) -> dict:
    """Queue wait and grade duration side by side, per bucket (not cumulative), over the metrics window."""
    bounds = sorted(set(figures.queue_wait.bounds) | set(figures.grade_duration.bounds))

    def spread(h: Histogram) -> list[int]:
        per = dict(zip(list(h.bounds) + [float("inf")], _per_bucket(h)))
        # Re-bucket onto the shared bounds: a bound missing from h gets 0 (its rows sit in h's next bound).
        return [per.get(b, 0) for b in bounds] + [per[float("inf")]]

    labels = [f"≤ {b:g} s" for b in bounds] + [f"> {bounds[-1]:g} s"]
    return {"type": "bar", "data": {"labels": labels, "datasets": [
        {"label": "Queue wait", "data": spread(figures.queue_wait), "backgroundColor": "#3559c7"},
        {"label": "Grade duration", "data": spread(figures.grade_duration), "backgroundColor": "#2e7d32"}]},
        "options": {"scales": {"y": {"ticks": {"precision": 0}}}}}


def status_table(*, figures: Figures) -> list[tuple[str, str, int]]:
    """(status label, verdict label, count) rows, summed over modes, largest first."""
    statuses, verdicts = dict(Status.choices), dict(Verdict.choices)
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for row in figures.submissions:
        totals[(statuses.get(row.status, row.status), verdicts.get(row.verdict, row.verdict) or "—")] += row.count
    return sorted(((s, v, n) for (s, v), n in totals.items()), key=lambda r: -r[2])
