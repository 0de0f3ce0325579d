"""Compares every positive with every negative in a pure-Python double loop: correct, but O(n^2)."""


def roc_auc(y_true, scores):
    pos = [float(s) for y, s in zip(y_true, scores) if y == 1]
    neg = [float(s) for y, s in zip(y_true, scores) if y != 1]
    if not pos or not neg:
        return 0.5
    total = 0.0
    for p in pos:
        for q in neg:
            total += 1.0 if p > q else 0.5 if p == q else 0.0
    return total / (len(pos) * len(neg))
