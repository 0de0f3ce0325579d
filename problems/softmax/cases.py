import numpy as np


def cases():
    rng = np.random.default_rng(20261122)
    return [
        {"name": "example-1d", "public": True, "args": [np.array([1.0, 2.0, 3.0])]},
        {"name": "example-large-logits-axis1", "public": True,
         "args": [np.array([[1000.0, 1000.0], [0.0, -1000.0]])], "kwargs": {"axis": 1}},
        {"name": "single-element", "public": False, "args": [np.array([42.0])]},
        {"name": "constant-row", "public": False, "args": [np.full((3, 5), 7.5)]},
        {"name": "huge-logits", "public": False, "args": [rng.normal(0, 1, (4, 6)) * 50 + 800]},
        {"name": "very-negative", "public": False, "args": [rng.normal(0, 1, (5, 3)) - 1e4]},
        {"name": "axis0-nonsquare", "public": False, "args": [rng.normal(0, 3, (7, 3))], "kwargs": {"axis": 0}},
        {"name": "integers", "public": False, "args": [np.arange(-3, 9).reshape(3, 4)]},
        {"name": "batched-3d-middle-axis", "public": False,
         "args": [rng.normal(0, 10, (2, 9, 4))], "kwargs": {"axis": 1}},
        {"name": "negative-axis-2", "public": False,
         "args": [rng.normal(0, 10, (3, 4, 5))], "kwargs": {"axis": -2}},
        {"name": "rows-on-different-scales", "public": False,
         "args": [np.array([[900.0, 901.0, 899.0], [-5.0, -4.0, -6.0], [0.0, 1.0, 2.0]])]},
        {"name": "large-batch", "public": False, "args": [rng.normal(0, 20, (2000, 500))]},
    ]
