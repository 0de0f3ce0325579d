import numpy as np


def cases():
    rng = np.random.default_rng(20261201)

    def gauss(*shape, scale=1.0):
        return rng.normal(0.0, scale, shape)

    zero_in_b = gauss(3, 5)
    zero_in_b[1] = 0.0
    both_a, both_b = gauss(3, 4), gauss(4, 4)
    both_a[2] = 0.0
    both_b[0] = 0.0
    mixed_scale_a = gauss(5, 8) * np.array([1e-6, 1e-6, 1.0, 1e6, 3e-6])[:, None]
    mixed_scale_b = gauss(4, 8) * np.array([2e-6, 1.0, 5e5, 1e-6])[:, None]
    self_sim = gauss(6, 3)
    return [
        {"name": "example-2d", "public": True,
         "args": [np.array([[1.0, 0.0], [1.0, 1.0]]), np.array([[1.0, 0.0], [0.0, 2.0], [-3.0, 0.0]])]},
        {"name": "example-zero-row", "public": True,
         "args": [np.array([[0.0, 0.0, 0.0], [1.0, 2.0, 2.0]]), np.array([[2.0, 1.0, 2.0]])]},
        {"name": "single-pair-d1", "public": False, "args": [np.array([[-2.5]]), np.array([[4.0]])]},
        {"name": "d1-with-zero", "public": False,
         "args": [np.array([[3.0], [0.0], [-0.5], [7.0]]), np.array([[2.0], [-1.0], [0.0]])]},
        {"name": "zero-row-in-b", "public": False, "args": [gauss(4, 5), zero_in_b]},
        {"name": "zero-rows-in-both", "public": False, "args": [both_a, both_b]},
        {"name": "all-zero-a", "public": False, "args": [np.zeros((2, 3)), gauss(5, 3)]},
        {"name": "integers", "public": False,
         "args": [rng.integers(-5, 6, size=(4, 6)), rng.integers(-5, 6, size=(3, 6))]},
        {"name": "nonsquare-7x5-3x5", "public": False, "args": [gauss(7, 5, scale=3.0), gauss(3, 5) + 2.0]},
        {"name": "tiny-and-huge-norms", "public": False, "args": [mixed_scale_a, mixed_scale_b]},
        {"name": "self-similarity", "public": False, "args": [self_sim, self_sim.copy()]},
        {"name": "large-700x500-d96", "public": False, "args": [gauss(700, 96), gauss(500, 96)]},
    ]
