import numpy as np


def _informative(rng, n, d, k, noise):
    """n samples, d features, k classes; features 0..d-1 carry the class with decreasing strength."""
    y = rng.integers(0, k, n)
    strength = np.linspace(2.0, 0.2, d)
    X = y[:, None] * strength[None, :] + rng.normal(0.0, noise, (n, d))
    return np.round(X, 6), y


def cases():
    rng = np.random.default_rng(20261206)
    out = [
        {"name": "example-separable", "public": True,
         "args": [np.array([[1.0, 5.0], [2.0, 3.0], [3.0, 8.0], [4.0, 1.0], [5.0, 7.0], [6.0, 2.0]]),
                  np.array([0, 0, 0, 1, 1, 1])]},
        {"name": "example-tie-and-constant", "public": True,
         "args": [np.array([[1.0, 7.0], [2.0, 7.0], [3.0, 7.0], [4.0, 7.0]]), np.array([0, 1, 1, 0])]},
        {"name": "single-sample", "public": False, "args": [np.array([[3.0, -1.0, 2.5]]), np.array([4])]},
        {"name": "all-features-constant", "public": False,
         "args": [np.tile(np.array([[1.5, -2.0, 0.0]]), (5, 1)), np.array([0, 1, 1, 2, 2])]},
        {"name": "two-samples", "public": False,
         "args": [np.array([[0.5, 3.0], [-1.5, 3.0]]), np.array([1, 0])]},
    ]
    X = rng.normal(size=(12, 3))
    X[:, 0] = 4.0
    out.append({"name": "pure-labels-first-feature-constant", "public": False, "args": [X, np.full(12, 3)]})
    X, y = _informative(rng, 30, 4, 2, 1.0)
    X = np.column_stack([X[:, 2], X[:, 0], X[:, 3], X[:, 0]])  # the best column appears twice (1 and 3)
    out.append({"name": "duplicate-best-column", "public": False, "args": [X, y]})
    out.append({"name": "integer-features-odd-labels", "public": False,
                "args": [rng.integers(0, 6, (25, 3)), np.array([-2, 5, 9])[rng.integers(0, 3, 25)]]})
    X, y = _informative(rng, 40, 4, 5, 1.5)
    out.append({"name": "five-classes", "public": False, "args": [X, y]})
    # A lone outlier: a split that isolates it is pure on one side, which an unweighted average overrates.
    X, y = _informative(rng, 30, 2, 2, 1.5)
    X[0, 1] = 50.0
    out.append({"name": "outlier-pure-child", "public": False, "args": [X, y]})
    # Mirror-image labels: thresholds 1.5 and 7.5 tie within feature 0, and feature 1 (reversed) ties
    # with feature 0, so both tie rules matter.
    x = np.arange(1.0, 9.0)
    out.append({"name": "symmetric-ties", "public": False,
                "args": [np.column_stack([x, 9.0 - x, np.full(8, 2.0)]), np.array([0, 1, 1, 1, 1, 1, 1, 0])]})
    X, y = _informative(rng, 50, 3, 3, 2.0)
    out.append({"name": "negative-scale-features", "public": False, "args": [-1e3 * X, y]})
    X, y = _informative(rng, 2500, 10, 3, 2.5)
    out.append({"name": "large-2500x10", "public": False, "args": [X, y]})
    return out
