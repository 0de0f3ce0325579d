import numpy as np


def cases():
    rng = np.random.default_rng(20261204)

    def targets(n, c):
        return rng.integers(0, c, size=n)

    # Confidently wrong: the target's logit sits 50, 200 and 800 below the row's max.
    confident_wrong = np.array([[50.0, 0.0, 1.0], [-100.0, 100.0, 0.0], [3.0, 2.0, 803.0]])
    # Rows on very different scales: one global max would underflow the low rows to exp(-2000) = 0.
    mixed_rows = np.vstack([rng.normal(0, 1, (3, 4)), rng.normal(0, 1, (3, 4)) + 2000.0,
                            rng.normal(0, 1, (2, 4)) - 3000.0])
    return [
        {"name": "example-single-row", "public": True,
         "args": [np.array([[2.0, 1.0, 0.1]]), np.array([0])]},
        {"name": "example-large-logits", "public": True,
         "args": [np.array([[1000.0, 0.0], [0.0, 1000.0], [-1000.0, -1000.0]]), np.array([0, 0, 1])]},
        {"name": "single-class", "public": False, "args": [rng.normal(0, 5, (3, 1)), np.zeros(3, dtype=np.int64)]},
        {"name": "single-sample", "public": False, "args": [rng.normal(0, 2, (1, 5)), np.array([3])]},
        {"name": "uniform-logits", "public": False, "args": [np.full((4, 7), 2.5), np.array([0, 6, 3, 3])]},
        {"name": "huge-logits", "public": False, "args": [rng.normal(0, 50, (6, 4)) + 800.0, targets(6, 4)]},
        {"name": "very-negative", "public": False, "args": [rng.normal(0, 1, (5, 3)) - 1e4, targets(5, 3)]},
        {"name": "confident-wrong", "public": False, "args": [confident_wrong, np.array([1, 0, 0])]},
        {"name": "confident-right", "public": False,
         "args": [np.array([[900.0, 0.0, -5.0], [1.0, 2.0, 750.0]]), np.array([0, 2])]},
        {"name": "rows-on-different-scales", "public": False, "args": [mixed_rows, targets(8, 4)]},
        {"name": "integer-logits-int32-targets", "public": False,
         "args": [rng.integers(-1000, 1001, size=(6, 5)), rng.integers(0, 5, size=6).astype(np.int32)]},
        {"name": "large-batch-4000x32", "public": False,
         "args": [rng.normal(0, 8, (4000, 32)), targets(4000, 32)]},
    ]
