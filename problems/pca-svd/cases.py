import numpy as np


def _aniso(rng, n, d, scales, offset=0.0):
    """n samples in d dimensions with the given standard deviations along a random rotation."""
    q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    z = rng.normal(size=(n, len(scales))) * np.asarray(scales)
    return z @ q[:len(scales)] + offset


def cases():
    rng = np.random.default_rng(20261204)
    out = [
        {"name": "example-line", "public": True,
         "args": [np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]]), 1]},
        {"name": "example-5x3", "public": True,
         "args": [np.array([[4.0, 1.0, 0.0], [2.0, 3.0, 1.0], [0.0, 0.0, 5.0], [1.0, -1.0, 2.0],
                            [3.0, 2.0, -2.0]]), 2]},
        {"name": "all-components-square", "public": False,
         "args": [_aniso(rng, 5, 5, [5.0, 3.0, 2.0, 1.0]), 4]},
        {"name": "all-components-tall", "public": False,
         "args": [_aniso(rng, 30, 5, [6.0, 4.0, 2.5, 1.5, 0.7]), 5]},
        {"name": "wide-n-less-than-d", "public": False,
         "args": [rng.normal(size=(6, 10)) * np.linspace(3.0, 0.5, 10), 3]},
        {"name": "two-samples", "public": False, "args": [rng.normal(size=(2, 4)), 1]},
        {"name": "single-component", "public": False,
         "args": [_aniso(rng, 50, 7, [4.0, 2.0, 1.0, 1.0, 0.5]), 1]},
    ]
    X = _aniso(rng, 40, 6, [4.0, 2.5, 1.5, 1.0, 0.5])
    X[:, 3] = 7.0
    out.append({"name": "constant-feature", "public": False, "args": [X, 3]})
    X = _aniso(rng, 60, 5, [3.0, 2.0, 1.0, 0.5])
    X[:, 4] = 1e-6 * rng.normal(size=60)
    out.append({"name": "tiny-variance-feature", "public": False, "args": [X, 2]})
    out.append({"name": "integers", "public": False,
                "args": [np.round(_aniso(rng, 25, 4, [8.0, 4.0, 2.0, 1.0])).astype(np.int64), 2]})
    out.append({"name": "large-offset-mean", "public": False,
                "args": [_aniso(rng, 80, 6, [3.0, 2.0, 1.2, 0.8, 0.4, 0.2], offset=1000.0), 3]})
    out.append({"name": "large-1000x40", "public": False,
                "args": [_aniso(rng, 1000, 40, np.geomspace(10.0, 0.1, 40)), 10]})
    return out
