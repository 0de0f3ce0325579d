import numpy as np


def cases():
    rng = np.random.default_rng(20261201)
    d8 = 8
    return [
        {"name": "example-2x3", "public": True,
         "args": [np.array([[1.0, 2.0, 3.0], [4.0, 4.0, 4.0]]), np.ones(3), np.zeros(3)]},
        {"name": "example-gamma-beta", "public": True,
         "args": [np.array([[0.0, 2.0, 4.0, 10.0]]), np.array([1.0, 2.0, 0.5, -1.0]),
                  np.array([0.0, 1.0, 0.0, 3.0])]},
        {"name": "one-dim-vector", "public": False,
         "args": [rng.normal(2.0, 3.0, 11), rng.normal(1.0, 0.3, 11), rng.normal(0.0, 1.0, 11)]},
        {"name": "feature-dim-1", "public": False,
         "args": [rng.normal(0.0, 5.0, (5, 1)), np.array([2.0]), np.array([-0.5])]},
        {"name": "constant-rows", "public": False,
         "args": [np.full((3, d8), 7.5), rng.normal(1.0, 0.3, d8), rng.normal(0.0, 1.0, d8)]},
        {"name": "tiny-variance", "public": False,
         "args": [3.0 + 1e-3 * rng.normal(size=(6, d8)), rng.normal(1.0, 0.3, d8), rng.normal(0.0, 1.0, d8)]},
        {"name": "integers", "public": False,
         "args": [rng.integers(-20, 20, size=(4, 6)), np.ones(6), np.zeros(6)]},
        {"name": "custom-eps", "public": False,
         "args": [0.1 * rng.normal(size=(5, 7)), rng.normal(1.0, 0.3, 7), rng.normal(0.0, 1.0, 7)],
         "kwargs": {"eps": 0.01}},
        {"name": "large-offset", "public": False,
         "args": [1e6 + rng.normal(size=(4, 16)), rng.normal(1.0, 0.3, 16), rng.normal(0.0, 1.0, 16)]},
        {"name": "batched-3d", "public": False,
         "args": [rng.normal(1.0, 4.0, (2, 5, 7)), rng.normal(1.0, 0.3, 7), rng.normal(0.0, 1.0, 7)]},
        {"name": "batched-4d", "public": False,
         "args": [rng.normal(-3.0, 2.0, (2, 3, 4, 6)), rng.normal(1.0, 0.3, 6), rng.normal(0.0, 1.0, 6)]},
        {"name": "medium-batch", "public": False,
         "args": [rng.normal(0.0, 10.0, (512, 64)), rng.normal(1.0, 0.3, 64), rng.normal(0.0, 1.0, 64)]},
    ]
