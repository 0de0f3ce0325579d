import numpy as np


def _spd(rng, d, lo, hi):
    """A random symmetric positive definite matrix with eigenvalues spread over [lo, hi]."""
    q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    lam = np.geomspace(lo, hi, d)
    a = (q * lam) @ q.T
    return (a + a.T) / 2


def cases():
    rng = np.random.default_rng(20261203)
    a5 = _spd(rng, 5, 0.5, 4.0)
    ill = _spd(rng, 6, 0.01, 10.0)
    big = _spd(rng, 300, 1.0, 10.0)
    return [
        {"name": "example-diagonal", "public": True,
         "args": [np.array([[2.0, 0.0], [0.0, 4.0]]), np.array([2.0, 4.0]), np.array([0.0, 0.0]), 0.1, 3]},
        {"name": "example-converges-in-one-step", "public": True,
         "args": [np.array([[1.0]]), np.array([3.0]), np.array([0.0]), 1.0, 2]},
        {"name": "zero-steps", "public": False, "args": [a5, rng.normal(size=5), rng.normal(size=5), 0.1, 0]},
        {"name": "one-step", "public": False, "args": [a5, rng.normal(size=5), rng.normal(size=5), 0.3, 1]},
        {"name": "identity-lr1-exact", "public": False,
         "args": [np.eye(3), np.array([1.5, -2.0, 0.25]), np.array([4.0, 4.0, -4.0]), 1.0, 6]},
        {"name": "b-zero", "public": False, "args": [a5, np.zeros(5), rng.normal(size=5) * 3, 0.2, 25]},
        {"name": "random-5d", "public": False,
         "args": [a5, rng.normal(size=5) * 2, rng.normal(size=5), 0.35, 40]},
        {"name": "integers", "public": False,
         "args": [np.array([[4, 1, 0], [1, 3, -1], [0, -1, 2]]), np.array([1, -2, 3]), np.array([2, 0, -1]),
                  0.1, 15]},
        {"name": "ill-conditioned-unconverged", "public": False,
         "args": [ill, rng.normal(size=6), np.zeros(6), 0.19, 150]},
        {"name": "diverging-lr", "public": False,
         "args": [_spd(rng, 4, 1.0, 10.0), rng.normal(size=4), rng.normal(size=4), 0.25, 40]},
        {"name": "large-d300-2000-steps", "public": False,
         "args": [big, rng.normal(size=300), rng.normal(size=300), 0.15, 2000]},
    ]
