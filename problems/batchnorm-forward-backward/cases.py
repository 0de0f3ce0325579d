import numpy as np


def _case(rng, n, d, loc=0.0, scale=1.0):
    x = rng.normal(loc, scale, (n, d))
    return [x, rng.normal(1.0, 0.5, d), rng.normal(0.0, 1.0, d), rng.normal(size=(n, d))]


def cases():
    rng = np.random.default_rng(20261303)
    out = [
        {"name": "example-2x2", "public": True,
         "args": [np.array([[1.0, 2.0], [3.0, 6.0]]), np.array([1.0, 0.5]), np.array([0.0, 1.0]),
                  np.array([[1.0, 0.0], [0.0, 1.0]])],
         "kwargs": {"eps": 0.0625}},
        {"name": "example-3x1", "public": True,
         "args": [np.array([[0.0], [1.0], [5.0]]), np.array([2.0]), np.array([0.5]),
                  np.array([[1.0], [-2.0], [0.5]])]},
    ]
    out.append({"name": "random-small", "public": False, "category": "random inputs",
                "args": _case(rng, 6, 4, 1.0, 2.0)})
    out.append({"name": "random-wide", "public": False, "category": "random inputs",
                "args": _case(rng, 5, 17, -2.0, 3.0)})
    out.append({"name": "random-tall", "public": False, "category": "random inputs",
                "args": _case(rng, 40, 3, 0.5, 0.7)})
    args = _case(rng, 1, 5)
    out.append({"name": "batch-of-one", "public": False, "category": "batch of one", "covers": ["batch-of-one"],
                "args": args})
    args = _case(rng, 2, 3)
    out.append({"name": "batch-of-two", "public": False, "category": "batch of two",
                "covers": ["biased-variance"], "args": args})
    # Feature 1 equal in every row (one of them 0.1: the computed mean is not exactly 0.1), feature 3 too.
    args = _case(rng, 7, 4)
    args[0][:, 1] = 0.1
    args[0][:, 3] = -4.0
    out.append({"name": "constant-features", "public": False, "category": "constant feature",
                "covers": ["constant-feature"], "args": args})
    args = _case(rng, 8, 5, 0.0, 1e-4)   # variances about 1e-8, far below eps
    out.append({"name": "tiny-variance", "public": False, "category": "variance below eps",
                "covers": ["tiny-variance", "eps-inside-sqrt"], "args": args})
    args = _case(rng, 10, 4, 0.0, 0.3)
    out.append({"name": "large-eps", "public": False, "category": "custom eps", "covers": ["eps-inside-sqrt"],
                "args": args, "kwargs": {"eps": 0.5}})
    args = _case(rng, 9, 3, 2.0, 1e-3)
    out.append({"name": "small-eps", "public": False, "category": "custom eps", "covers": ["eps-inside-sqrt"],
                "args": args, "kwargs": {"eps": 1e-9}})
    # Means around 1e6 with unit variance: E[x^2] - mean^2 keeps only a few digits of the variance.
    args = _case(rng, 16, 6)
    args[0] += np.array([1e6, -1e6, 3e6, 0.0, 2e6, -5e6])
    out.append({"name": "large-mean", "public": False, "category": "large feature values",
                "covers": ["large-mean"], "args": args})
    args = _case(rng, 12, 12)           # square: dgamma summed over the wrong axis has the right shape
    out.append({"name": "square-batch", "public": False, "category": "square input", "args": args})
    args = _case(rng, 6, 3)
    args[1] = np.ones(3)
    args[2] = np.zeros(3)
    out.append({"name": "identity-affine", "public": False, "category": "random inputs", "args": args})
    out.append({"name": "large-input", "public": False, "category": "large input",
                "args": _case(rng, 1024, 128, 0.5, 2.0)})
    return out
