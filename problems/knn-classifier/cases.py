import numpy as np


def _clusters(rng, n, d, n_classes, spread):
    centres = rng.normal(0.0, 3.0, (n_classes, d))
    y = rng.integers(0, n_classes, n)
    return centres[y] + rng.normal(0.0, spread, (n, d)), y


def cases():
    rng = np.random.default_rng(20261202)
    out = [
        {"name": "example-2d", "public": True,
         "args": [np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0]]),
                  np.array([0, 0, 1, 1, 1]), np.array([[0.2, 0.1], [5.5, 5.0]]), 3]},
        {"name": "example-ties", "public": True,
         "args": [np.array([[0.0], [2.0], [4.0], [10.0]]), np.array([5, 2, 5, 9]),
                  np.array([[1.0], [3.0], [7.0], [6.0]]), 2]},
    ]
    # k = 1 on an integer grid: many exact distance ties, broken by the lower training index.
    Xg = rng.integers(0, 4, (40, 2)).astype(np.float64)
    out.append({"name": "grid-k1-distance-ties", "public": False,
                "args": [Xg, rng.integers(0, 5, 40), rng.integers(0, 4, (30, 2)).astype(np.float64) + 0.5, 1]})
    # even k with three classes on a grid: both kinds of tie, many times over.
    Xg = rng.integers(0, 5, (60, 2)).astype(np.float64)
    out.append({"name": "grid-even-k-vote-ties", "public": False,
                "args": [Xg, rng.integers(0, 3, 60), rng.integers(0, 5, (50, 2)).astype(np.float64), 4]})
    out.append({"name": "single-train-single-test", "public": False,
                "args": [np.array([[1.0, -2.0, 3.0]]), np.array([4]), np.array([[0.0, 0.0, 0.0]]), 1]})
    X, y = _clusters(rng, 9, 3, 3, 2.0)
    out.append({"name": "k-equals-n", "public": False,
                "args": [X, np.array([2, 0, 1, 1, 2, 0, 2, 1, 0]), rng.normal(size=(4, 3)), 9]})
    X, y = _clusters(rng, 50, 4, 3, 2.0)
    out.append({"name": "negative-and-large-labels", "public": False,
                "args": [X, np.array([-3, 7, 1000])[y], rng.normal(0.0, 3.0, (20, 4)), 6]})
    X, y = _clusters(rng, 30, 3, 3, 1.5)
    out.append({"name": "query-the-training-set", "public": False, "args": [X, y, X.copy(), 3]})
    X, y = _clusters(rng, 80, 50, 4, 6.0)
    out.append({"name": "high-dim-nonsquare", "public": False,
                "args": [X, y, rng.normal(0.0, 3.0, (25, 50)), 5]})
    Xi = rng.integers(-10, 10, (70, 5))
    out.append({"name": "integer-features", "public": False,
                "args": [Xi, rng.integers(0, 4, 70), rng.integers(-10, 10, (40, 5)), 4]})
    X, y = _clusters(rng, 200, 6, 5, 3.0)
    out.append({"name": "noisy-clusters", "public": False, "args": [X, y, rng.normal(0.0, 3.0, (100, 6)), 8]})
    X, y = _clusters(rng, 2000, 32, 5, 3.0)
    out.append({"name": "large-2000x800", "public": False,
                "args": [X, y, rng.normal(0.0, 3.0, (800, 32)), 7]})
    return out
