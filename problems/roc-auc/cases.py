import numpy as np


def cases():
    rng = np.random.default_rng(20261126)
    out = [
        {"name": "example", "public": True,
         "args": [np.array([0, 0, 1, 1]), np.array([0.1, 0.4, 0.35, 0.8])]},
        {"name": "example-ties", "public": True,
         "args": [np.array([1, 0, 1, 0, 1]), np.array([0.9, 0.9, 0.5, 0.5, 0.2])]},
    ]
    out.append({"name": "only-positives", "public": False, "args": [np.ones(5, dtype=np.int64), rng.random(5)]})
    out.append({"name": "only-negatives", "public": False, "args": [np.zeros(6, dtype=np.int64), rng.random(6)]})
    out.append({"name": "single-sample", "public": False, "args": [np.array([1]), np.array([0.3])]})
    out.append({"name": "two-samples-inverted", "public": False, "args": [np.array([1, 0]), np.array([0.2, 0.7])]})
    y = (rng.random(40) < 0.4).astype(np.int64)
    out.append({"name": "all-tied", "public": False, "args": [y, np.full(40, 0.37)]})
    s = rng.normal(size=50)
    y = (s > 0.1).astype(np.int64)
    out.append({"name": "perfect", "public": False, "args": [y, s]})
    out.append({"name": "inverted", "public": False, "args": [y, -s]})
    # Positives and negatives share every score value: AUC is exactly 0.5 only if ties count 1/2.
    out.append({"name": "paired-ties", "public": False,
                "args": [np.array([0, 1] * 10), np.repeat(np.arange(10.0), 2)]})
    y = (rng.random(500) < 0.3).astype(np.int64)
    s = np.clip(rng.integers(0, 5, size=500) + y, 0, 4)   # five score levels: very many ties
    out.append({"name": "many-ties-int-scores", "public": False, "args": [y, s]})
    y = rng.random(300) < 0.5
    s = np.round(rng.normal(size=300) + 0.8 * y, 1)
    out.append({"name": "bool-labels-rounded-scores", "public": False, "args": [y, s]})
    # Scores far outside [0, 1] (logits): only their order matters.
    y = (rng.random(400) < 0.2).astype(np.int64)
    s = rng.normal(size=400) * 30 + 15 * y - 40
    out.append({"name": "logit-scores", "public": False, "args": [y, s]})
    # Large: an O(n^2) comparison of all positive/negative pairs does not finish.
    n = 200_000
    y = (rng.random(n) < 0.3).astype(np.int8)
    s = (rng.integers(0, 5000, size=n) + 700 * y.astype(np.int32)).astype(np.int32)
    out.append({"name": "large-200k-ties", "public": False, "args": [y, s]})
    n = 60_000
    y = (rng.random(n) < 0.05).astype(np.int8)
    s = rng.normal(size=n) + 1.2 * y
    out.append({"name": "large-60k-imbalanced", "public": False, "args": [y, s]})
    return out
