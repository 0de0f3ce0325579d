import numpy as np


def _blobs(rng, centres, per, spread):
    centres = np.asarray(centres, dtype=float)
    X = np.concatenate([c + spread * rng.normal(size=(per, centres.shape[1])) for c in centres])
    return X[rng.permutation(len(X))]


def cases():
    rng = np.random.default_rng(20261123)
    out = [
        {"name": "example-tie-2d", "public": True,
         "args": [np.array([[0.0, 0.0], [0.0, 1.0], [4.0, 4.0], [4.0, 5.0], [5.0, 4.0]]), 2,
                  np.array([[0.0, 0.0], [1.0, 1.0]])]},
        {"name": "example-empty-cluster-1d", "public": True,
         "args": [np.array([[0.0], [1.0], [10.0], [11.0]]), 3, np.array([[0.0], [1.0], [100.0]])]},
    ]
    # Points exactly equidistant from both initial centroids (integer coordinates: every distance is exact).
    out.append({"name": "exact-ties", "public": False,
                "args": [np.array([[-1.0, 0.0], [1.0, 0.0], [0.0, 0.0], [0.0, 5.0], [0.0, -5.0], [3.0, 1.0]]), 2,
                         np.array([[-2.0, 0.0], [2.0, 0.0]])]})
    # Two identical initial centroids: the second never wins a tie, so it stays empty where it started.
    X = _blobs(rng, [[0, 0, 0], [6, 6, 6]], 15, 0.7)
    out.append({"name": "duplicate-init", "public": False,
                "args": [X, 3, np.array([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [5.0, 5.0, 5.0]])]})
    # A cluster that owns 3 points after the first step and none after the second.
    r = np.random.default_rng(266)
    X = r.integers(0, 30, size=(10, 2)).astype(float)
    init = r.integers(0, 30, size=(3, 2)).astype(float)
    out.append({"name": "cluster-empties-mid-run", "public": False, "args": [X, 3, init]})
    # Initial centroids far from all data: two clusters are empty from the start.
    X = rng.normal(size=(12, 2))
    out.append({"name": "far-init-two-empty", "public": False,
                "args": [X, 3, np.array([[0.0, 0.0], [50.0, 50.0], [-40.0, 60.0]])]})
    X = _blobs(rng, [[-10], [0], [7]], 20, 1.0)
    out.append({"name": "d1-three-clusters", "public": False,
                "args": [X, 3, np.array([[-1.0], [0.0], [1.0]])]})
    X = rng.normal(3.0, 2.0, size=(25, 4))
    out.append({"name": "k1", "public": False, "args": [X, 1, X[:1] + 10.0]})
    X = rng.normal(size=(5, 3))
    out.append({"name": "n-equals-k", "public": False, "args": [X, 5, X[[0, 0, 1, 2, 3]] + 0.25]})
    out.append({"name": "single-point", "public": False,
                "args": [np.array([[2.5, -1.0]]), 3, np.array([[0.0, 0.0], [5.0, 5.0], [2.0, -1.0]])]})
    # Integer data and integer initial centroids: the means are not integers.
    X = rng.integers(-20, 20, size=(30, 2))
    out.append({"name": "integer-inputs", "public": False, "args": [X, 3, X[:3].copy()]})
    # Evenly spaced points and a lopsided start: Lloyd needs many iterations, and max_iter cuts it short.
    X = np.arange(40, dtype=float).reshape(-1, 1)
    init = np.array([[0.0], [1.0]])
    out.append({"name": "max-iter-2", "public": False, "args": [X, 2, init], "kwargs": {"max_iter": 2}})
    out.append({"name": "max-iter-5", "public": False, "args": [X, 2, init], "kwargs": {"max_iter": 5}})
    out.append({"name": "slow-converge-default", "public": False, "args": [X, 2, init]})
    centres = rng.uniform(-20, 20, size=(5, 3))
    X = _blobs(rng, centres, 40, 1.0)
    out.append({"name": "separated-blobs", "public": False, "args": [X, 5, X[:5].copy()]})
    # Large: 20000 points, 12 overlapping clusters in 6-D; a pure-Python loop over points is far too slow.
    centres = rng.uniform(-6, 6, size=(12, 6))
    X = _blobs(rng, centres, 20000 // 12 + 1, 1.5)[:20000]
    out.append({"name": "large-overlapping", "public": False,
                "args": [X, 12, X[rng.choice(len(X), 12, replace=False)].copy()], "kwargs": {"max_iter": 50}})
    return out
