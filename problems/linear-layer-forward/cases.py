import numpy as np


def cases():
    rng = np.random.default_rng(20261202)

    def gauss(*shape, scale=1.0):
        return rng.normal(0.0, scale, shape)

    W_ex = np.array([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]])
    b_ex = np.array([0.1, -1.0])
    return [
        {"name": "example-2d", "public": True,
         "args": [np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 0.5]]), W_ex, b_ex]},
        {"name": "example-3d-batch", "public": True,
         "args": [np.array([[[1.0, 2.0, 3.0]], [[2.0, 0.0, 0.0]]]), W_ex, b_ex]},
        {"name": "single-vector-1d", "public": False, "args": [gauss(4), gauss(3, 4), gauss(3)]},
        {"name": "single-row-2d", "public": False, "args": [gauss(1, 4), gauss(3, 4), gauss(3)]},
        {"name": "square-6x6", "public": False, "args": [gauss(5, 6), gauss(6, 6), gauss(6)]},
        {"name": "batch-equals-out", "public": False, "args": [gauss(3, 5), gauss(3, 5), gauss(3) + 5.0]},
        {"name": "batched-3d", "public": False, "args": [gauss(4, 7, 5), gauss(3, 5), gauss(3)]},
        {"name": "batched-4d", "public": False, "args": [gauss(2, 3, 4, 6), gauss(5, 6), gauss(5)]},
        {"name": "one-output", "public": False, "args": [gauss(8, 3), gauss(1, 3), np.array([2.5])]},
        {"name": "one-input-feature", "public": False, "args": [gauss(6, 1), gauss(4, 1), gauss(4)]},
        {"name": "empty-batch", "public": False, "args": [np.zeros((0, 4)), gauss(3, 4), gauss(3)]},
        {"name": "integers", "public": False,
         "args": [rng.integers(-9, 10, size=(5, 4)), rng.integers(-3, 4, size=(2, 4)),
                  rng.integers(-5, 6, size=2)]},
        {"name": "large-2000x64-to-128", "public": False,
         "args": [gauss(2000, 64), gauss(128, 64, scale=0.125), gauss(128)]},
    ]
