import numpy as np


def cases():
    rng = np.random.default_rng(20261125)
    out = [
        {"name": "example", "public": True,
         "args": [np.array([0, 0, 1, 1, 2, 2, 2]), np.array([0, 1, 1, 1, 0, 2, 1]), 3]},
        {"name": "example-absent-class", "public": True,
         "args": [np.array([0, 1, 0]), np.array([1, 1, 0]), 4]},
    ]
    out.append({"name": "single-sample", "public": False, "args": [np.array([2]), np.array([0]), 3]})
    out.append({"name": "one-class", "public": False, "args": [np.array([0, 0, 0]), np.array([0, 0, 0]), 1]})
    out.append({"name": "empty-input", "public": False,
                "args": [np.array([], dtype=np.int64), np.array([], dtype=np.int64), 3]})
    # Asymmetric errors: a transposed matrix is visibly wrong.
    out.append({"name": "asymmetric-binary", "public": False,
                "args": [np.array([1, 1, 1, 1, 0, 0]), np.array([0, 0, 0, 1, 0, 0]), 2]})
    # The largest label never occurs in either array: the last row and column are zeros.
    t = rng.integers(0, 5, size=60)
    p = np.where(rng.random(60) < 0.6, t, rng.integers(0, 5, size=60))
    out.append({"name": "trailing-classes-absent", "public": False, "args": [t, p, 8]})
    # Class 3 is predicted but never true; class 1 is true but never predicted.
    t = np.array([0, 1, 2, 1, 0, 2, 1, 4, 4])
    p = np.array([3, 0, 2, 2, 0, 3, 0, 4, 3])
    out.append({"name": "true-only-and-pred-only-classes", "public": False, "args": [t, p, 5]})
    t = rng.integers(0, 4, size=100)
    out.append({"name": "perfect-predictions", "public": False, "args": [t, t.copy(), 4]})
    # uint8 labels with 200 classes: true * n_classes + pred overflows uint8 if not widened.
    t = rng.integers(0, 200, size=3000).astype(np.uint8)
    p = np.where(rng.random(3000) < 0.5, t, rng.integers(0, 200, size=3000)).astype(np.uint8)
    out.append({"name": "uint8-labels-200-classes", "public": False, "args": [t, p, 200]})
    t = rng.integers(0, 6, size=500).astype(np.int16)
    p = rng.integers(0, 6, size=500).astype(np.int32)
    out.append({"name": "mixed-int-dtypes", "public": False, "args": [t, p, 6]})
    # Large: 200k samples, 300 classes; looping over all class pairs (300 * 300 passes over the data) is too slow.
    t = rng.integers(0, 300, size=200_000).astype(np.int16)
    p = np.where(rng.random(200_000) < 0.7, t, rng.integers(0, 300, size=200_000)).astype(np.int16)
    out.append({"name": "large-300-classes", "public": False, "args": [t, p, 300]})
    return out
