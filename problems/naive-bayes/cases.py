import numpy as np

INTEGER_DTYPES = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


def _blobs(rng, means, sizes, spread):
    """Rows drawn around each class mean, labels 0..k-1, shuffled."""
    means = np.asarray(means, dtype=np.float64)
    X = np.concatenate([m + spread * rng.normal(size=(n, means.shape[1])) for m, n in zip(means, sizes)])
    y = np.repeat(np.arange(len(sizes)), sizes)
    order = rng.permutation(len(y))
    return X[order], y[order]


def cases():
    rng = np.random.default_rng(20261301)
    out = [
        {"name": "example-two-classes", "public": True,
         "args": [np.array([[0.0, 0.0], [2.0, 0.0], [1.0, 3.0], [6.0, 5.0], [8.0, 5.0], [7.0, 8.0]]),
                  np.array([0, 0, 0, 1, 1, 1]),
                  np.array([[1.0, 1.0], [7.0, 6.0], [4.0, 3.0]])]},
        {"name": "example-unsorted-labels", "public": True,
         "args": [np.array([[1.0], [4.0], [3.0], [6.0], [5.0]]), np.array([3, -1, 3, -1, 3]),
                  np.array([[2.0], [5.0]])],
         "kwargs": {"var_smoothing": 0.1}},
    ]

    X, y = _blobs(rng, [[0, 0, 0], [2, 1, 0], [0, 3, -1]], [20, 20, 20], 1.2)
    out.append({"name": "three-overlapping-classes", "public": False, "category": "random inputs",
                "args": [X, y, rng.normal(1.0, 2.0, (15, 3))]})
    X, y = _blobs(rng, [[0, 0], [1.5, 0.5]], [40, 6], 1.0)
    out.append({"name": "unequal-priors", "public": False, "category": "unequal class sizes",
                "args": [X, y, rng.normal(0.7, 1.0, (12, 2))]})
    # Labels neither sorted in y_train nor contiguous, some negative; the first seen is the largest.
    X, y = _blobs(rng, [[0, 0], [3, 0], [0, 3], [3, 3]], [8, 5, 9, 7], 0.8)
    labels = np.array([7, -4, 12, 0], dtype=np.int16)
    y = labels[y]
    y[0] = 12
    out.append({"name": "unsorted-negative-labels", "public": False, "category": "unsorted labels",
                "covers": ["sorted-labels"], "args": [X, y, rng.normal(1.5, 2.0, (10, 2))]})
    X, _ = _blobs(rng, [[1, 2, 3]], [9], 1.0)
    out.append({"name": "one-class", "public": False, "category": "single class", "covers": ["single-class"],
                "args": [X, np.full(9, 5), rng.normal(0.0, 3.0, (4, 3))]})
    # A class seen once: its variances are the smoothing term alone (1e-9 * largest feature variance).
    X, y = _blobs(rng, [[0, 0], [4, 4]], [10, 10], 1.0)
    X = np.vstack([X, [[2.0, -3.0]]])
    y = np.append(y, 2)
    T = np.array([[2.0, -3.0], [2.0, -2.999], [0.5, 0.5], [3.0, 4.0]])
    out.append({"name": "single-sample-class", "public": False, "category": "class with one sample",
                "covers": ["single-sample-class"], "args": [X, y, T]})
    # Feature 1 is constant in class 0 only; feature 0 has by far the largest variance (about 1e4), so the
    # smoothing term is about 1e-5, neither 1e-9 (unscaled) nor 1e-9 times feature 1's own variance.
    X, y = _blobs(rng, [[0, 2], [30, 4]], [12, 12], 1.0)
    X[:, 0] *= 60.0
    X[y == 0, 1] = 2.0
    T = np.array([[0.0, 2.0], [100.0, 2.0], [0.0, 2.5], [1500.0, 3.0], [800.0, 2.0]])
    out.append({"name": "constant-feature-in-a-class", "public": False, "category": "constant feature",
                "covers": ["constant-feature"], "args": [X, y, T]})
    # Feature 2 is the same in every training row: its variance over all of X_train is 0 as well.
    X, y = _blobs(rng, [[0, 0, 0], [2, -1, 0]], [10, 14], 1.0)
    X[:, 2] = -1.5
    T = np.array([[0.0, 0.0, -1.5], [2.0, -1.0, -1.5], [1.0, 0.0, -1.5]])
    out.append({"name": "feature-constant-everywhere", "public": False, "category": "constant feature",
                "covers": ["constant-feature"], "args": [X, y, T]})
    X, y = _blobs(rng, [[0, 0, 0, 0], [1, 1, 0, 2], [2, 0, 1, 1]], [15, 10, 12], 1.0)
    X[:, 3] *= 8.0
    out.append({"name": "large-var-smoothing", "public": False, "category": "smoothing parameter",
                "covers": ["var-smoothing"], "args": [X, y, rng.normal(0.5, 3.0, (8, 4))],
                "kwargs": {"var_smoothing": 0.05}})
    X, y = _blobs(rng, [[0, 0], [5, 5]], [10, 10], 0.3)
    X[y == 1, 0] = 5.0  # constant in class 1 as well: the smoothing term decides that class's density
    out.append({"name": "small-var-smoothing-constant", "public": False, "category": "smoothing parameter",
                "covers": ["var-smoothing", "constant-feature"],
                "args": [X, y, np.array([[5.0, 5.0], [5.001, 5.0], [0.0, 0.2]])], "kwargs": {"var_smoothing": 1e-4}})
    # Test points hundreds of standard deviations from every class: every joint log-likelihood is far below
    # -745, where exp underflows to 0.
    X, y = _blobs(rng, [[0, 0, 0], [3, 0, 0], [0, 3, 0]], [10, 10, 10], 1.0)
    T = np.array([[300.0, 0.0, 0.0], [0.0, -250.0, 40.0], [200.0, 200.0, 200.0], [-150.0, 10.0, 0.0]])
    out.append({"name": "far-test-points", "public": False, "category": "points far from every class",
                "covers": ["far-points"], "args": [X, y, T]})
    X, y = _blobs(rng, [[0, 0], [1, 1], [2, 0]], [6, 6, 6], 0.05)
    T = rng.normal(1.0, 1.5, (6, 2))
    out.append({"name": "tight-classes", "public": False, "category": "points far from every class",
                "covers": ["far-points"], "args": [X, y, T]})
    # Means around 1e8, standard deviations around 1: E[x^2] - mean^2 loses every digit of the variance.
    X, y = _blobs(rng, [[0, 0], [1.5, -1]], [15, 15], 1.0)
    off = np.array([1e8, -3e8])
    out.append({"name": "large-offset", "public": False, "category": "large feature values",
                "covers": ["large-mean"], "args": [X + off, y, rng.normal(0.5, 1.5, (8, 2)) + off]})
    X, y = _blobs(rng, rng.normal(0.0, 3.0, (6, 16)), [900, 700, 1100, 800, 600, 900], 1.5)
    out.append({"name": "large-input", "public": False, "category": "large input",
                "args": [X, y, rng.normal(0.0, 4.0, (1000, 16))]})

    # Every integer dtype for X (values near the dtype's limits; a per-class sum or a square in the input's
    # own dtype wraps around) with labels of every integer dtype.
    for i, xdt in enumerate(INTEGER_DTYPES):
        ydt = INTEGER_DTYPES[(i + 3) % 8]
        out.append({"name": f"x-{xdt}-y-{ydt}", "public": False, "category": "integer dtype",
                    "covers": ["integer-inputs", "sorted-labels"], "args": _integer_case(rng, xdt, ydt)})
    # int64 labels 2**53 and 2**53 + 1 are distinct classes but the same float64: labels must be compared as
    # integers, never through a float conversion.
    lrng = np.random.default_rng(20261311)
    X, y = _blobs(lrng, [[0, 0], [3, 1], [0, 4]], [7, 6, 8], 0.8)
    labels = np.array([2**53 + 1, -(2**60), 2**53], dtype=np.int64)
    out.append({"name": "labels-beyond-float-precision", "public": False, "category": "large label values",
                "covers": ["sorted-labels"], "args": [X, labels[y], lrng.normal(1.0, 2.0, (6, 2))]})
    return out


def _integer_case(rng, xdt, ydt):
    info = np.iinfo(xdt)
    lo, hi = int(info.min), int(info.max)
    span = hi - lo
    n, d = 12, 3
    y = rng.integers(0, 3, n)
    y[:3] = [2, 0, 1]
    # Class c lives in its own band of the range; band widths are a few percent of the range.
    X = np.empty((n, d), dtype=object)
    for c in range(3):
        rows = y == c
        base = lo + span * (0.1 + 0.35 * c)
        X[rows] = [[int(base + span * 0.05 * f) for f in r] for r in rng.random((rows.sum(), d))]
    X[y == 2, 0] = [hi - 1 - int(f * (span // 100)) for f in rng.random((y == 2).sum())]
    T = np.array([[int(lo + span * f) for f in r] for r in rng.uniform(0.05, 0.95, (5, d))], dtype=object)
    ylab = np.iinfo(ydt)
    labels = np.array([int(ylab.max), int(ylab.min) + 1, int(ylab.max) // 2], dtype=object)
    return [X.astype(xdt), labels[y].astype(ydt), T.astype(xdt)]
