import numpy as np


def cases():
    rng = np.random.default_rng(20261124)
    out = [
        {"name": "example", "public": True,
         "args": [np.array([1, 0, 1, 1, 0, 1, 0, 0]), np.array([1, 1, 1, 0, 0, 0, 0, 0])]},
        {"name": "example-no-predicted-positives", "public": True,
         "args": [np.array([0, 1, 1, 0]), np.array([0, 0, 0, 0])]},
    ]
    out.append({"name": "single-sample-tp", "public": False, "args": [np.array([1]), np.array([1])]})
    out.append({"name": "single-sample-tn", "public": False, "args": [np.array([0]), np.array([0])]})
    out.append({"name": "no-true-positives-labels", "public": False,
                "args": [np.array([0, 0, 0, 0, 0]), np.array([0, 1, 0, 1, 0])]})
    out.append({"name": "all-negative-both", "public": False,
                "args": [np.zeros(7, dtype=np.int64), np.zeros(7, dtype=np.int64)]})
    out.append({"name": "perfect", "public": False,
                "args": [np.array([0, 1, 1, 0, 1]), np.array([0, 1, 1, 0, 1])]})
    out.append({"name": "all-wrong", "public": False,
                "args": [np.array([0, 1, 1, 0, 1]), np.array([1, 0, 0, 1, 0])]})
    # Asymmetric: precision and recall differ a lot, so swapping them or averaging them shows.
    t = np.array([1] * 10 + [0] * 30)
    p = np.array([1] * 2 + [0] * 8 + [1] * 1 + [0] * 29)
    out.append({"name": "high-precision-low-recall", "public": False, "args": [t, p]})
    t = (rng.random(300) < 0.5).astype(np.int64)
    p = np.where(rng.random(300) < 0.8, 1, t)
    out.append({"name": "low-precision-high-recall", "public": False, "args": [t, p]})
    t = rng.random(50) < 0.3
    p = rng.random(50) < 0.4
    out.append({"name": "bool-arrays", "public": False, "args": [t, p]})
    # int8 labels with more than 127 true positives: a dot product in int8 overflows.
    t = (rng.random(1000) < 0.7).astype(np.int8)
    p = np.where(rng.random(1000) < 0.9, t, 1 - t).astype(np.int8)
    out.append({"name": "int8-many-positives", "public": False, "args": [t, p]})
    t = (rng.random(200_000) < 0.1).astype(np.int8)
    p = np.where(rng.random(200_000) < 0.75, t, 1 - t).astype(np.int8)
    out.append({"name": "large-imbalanced", "public": False, "args": [t, p]})
    return out
