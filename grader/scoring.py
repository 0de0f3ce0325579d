"""Pure scoring functions: verdict priority and the metrics of scored problems."""
from __future__ import annotations

import hashlib
from typing import Any

import numpy as np

from .report import Verdict

# When several verdicts apply, the first in this list wins (DESIGN.md).
PRIORITY = [Verdict.SYSTEM_ERROR, Verdict.COMPILE_ERROR, Verdict.TIME_LIMIT_EXCEEDED,
            Verdict.MEMORY_LIMIT_EXCEEDED, Verdict.OUTPUT_LIMIT_EXCEEDED, Verdict.RUNTIME_ERROR,
            Verdict.WRONG_ANSWER, Verdict.SKIPPED, Verdict.ACCEPTED]


def overall_verdict(verdicts: list[Verdict]) -> Verdict:
    if not verdicts:
        return Verdict.ACCEPTED
    verdict = min(verdicts, key=PRIORITY.index)
    # A skipped case is only ever the consequence of an earlier failure, never a verdict of its own.
    return Verdict.WRONG_ANSWER if verdict is Verdict.SKIPPED else verdict


def recall_at_k(predictions: Any, target: Any, *, k: int) -> np.ndarray:
    """Per-row recall@k. predictions: one ranked list of item ids per row; target: the held-out item ids
    per row. Duplicates in a ranked list count once; rows with no held-out items are not allowed."""
    rows = []
    for pred, truth in zip(predictions, target):
        truth_set = set(np.asarray(truth).ravel().tolist())
        top = list(dict.fromkeys(np.asarray(pred).ravel().tolist()))[:k]
        if not truth_set:
            raise ValueError("recall@k is undefined for a row with no held-out items")
        rows.append(len(truth_set.intersection(top)) / min(len(truth_set), k))
    return np.asarray(rows, dtype=float)


def accuracy(predictions: Any, target: Any) -> np.ndarray:
    return (np.asarray(predictions).ravel() == np.asarray(target).ravel()).astype(float)


def negative_squared_error(predictions: Any, target: Any) -> np.ndarray:
    return -((np.asarray(predictions, dtype=float).ravel() - np.asarray(target, dtype=float).ravel()) ** 2)


METRICS = {"recall_at_k": recall_at_k, "accuracy": accuracy, "negative_squared_error": negative_squared_error}

# The scores each metric can give (None: unbounded on that side). A score is a mean of per-row values, so it
# lies in the per-row range; the platform stores this at sync time to bound instructors' score overrides.
METRIC_RANGES: dict[str, tuple[float | None, float | None]] = {
    "recall_at_k": (0.0, 1.0), "accuracy": (0.0, 1.0), "negative_squared_error": (None, 0.0)}


def validate_predictions(predictions: Any, target: Any, metric: str) -> str:
    """An empty string if the predictions have the shape the metric needs, else what is wrong."""
    n = len(target)
    if isinstance(predictions, np.ndarray):
        if predictions.dtype.kind not in "iuf" or predictions.ndim == 0:
            return f"predictions must be numeric with one row per target row, got dtype {predictions.dtype}"
        if not np.all(np.isfinite(predictions)):
            return "predictions contain NaN or infinity"
    elif not isinstance(predictions, (list, tuple)):
        return f"predictions must be a list or an array, got {type(predictions).__name__}"
    if len(predictions) != n:
        return f"expected predictions for {n} rows, got {len(predictions)}"
    if metric == "recall_at_k":
        for i, row in enumerate(predictions):
            arr = np.asarray(row) if isinstance(row, (list, tuple, np.ndarray)) else None
            if arr is None or arr.dtype.kind not in "iu" or arr.ndim != 1:
                return f"row {i}: expected a list of integer item ids"
    return ""


def public_mask(n: int, *, fraction: float, seed: str) -> np.ndarray:
    """Which rows count for the public score: a fixed, seeded split (Kaggle's public/private leaderboard)."""
    keys = [hashlib.sha256(f"{seed}:{i}".encode()).digest() for i in range(n)]
    values = np.array([int.from_bytes(k[:8], "big") / 2**64 for k in keys])
    mask = values < fraction
    if n >= 2 and (mask.all() or not mask.any()):
        mask[: max(1, int(n * fraction))] = True
        mask[max(1, int(n * fraction)):] = False
    return mask


def score_rows(per_row: np.ndarray, mask: np.ndarray) -> tuple[float, float, float]:
    """(public, private, overall) means of the per-row scores."""
    overall = float(per_row.mean()) if per_row.size else 0.0
    public = float(per_row[mask].mean()) if mask.any() else overall
    private = float(per_row[~mask].mean()) if (~mask).any() else overall
    return public, private, overall
