import numpy as np


def _moons(rng, n, noise, frac1=0.5):
    """Two interleaving half circles (scikit-learn's make_moons, with the angles drawn at random rather than
    evenly spaced), Gaussian noise of standard deviation `noise` on both coordinates. Label 0 is the upper
    moon, label 1 the lower one; `frac1` of the points have label 1. Rows in random order."""
    n1 = int(round(n * frac1))
    n0 = n - n1
    t0, t1 = rng.uniform(0.0, np.pi, n0), rng.uniform(0.0, np.pi, n1)
    X = np.concatenate([np.c_[np.cos(t0), np.sin(t0)], np.c_[1.0 - np.cos(t1), 0.5 - np.sin(t1)]])
    y = np.r_[np.zeros(n0, np.int64), np.ones(n1, np.int64)]
    X = X + rng.normal(0.0, noise, X.shape)
    order = rng.permutation(n)
    return X[order], y[order]


def _case(name, seed, *, n_train, n_test, noise, public=False, covers=(), dtype=np.float32, frac1=0.5,
          scale=1.0, angle_deg=0.0, shift=(0.0, 0.0), sort_train=False, category=None):
    rng = np.random.default_rng(seed)
    X, y = _moons(rng, n_train + n_test, noise, frac1)
    # Rotating, scaling and shifting the plane keeps the problem the same for a model that standardises
    # its inputs with the training statistics, and breaks one tuned to the raw unit-scale coordinates.
    a = np.deg2rad(angle_deg)
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    X = scale * X @ rot.T + np.asarray(shift)
    X_train, y_train, X_test, y_test = X[:n_train], y[:n_train], X[n_train:], y[n_train:]
    if sort_train:  # every label-0 row, then every label-1 row: mini-batches in this order are one class each
        order = np.argsort(y_train, kind="stable")
        X_train, y_train = X_train[order], y_train[order]
    case = {"name": name, "public": public, "covers": list(covers),
            "args": [np.ascontiguousarray(X_train, dtype=dtype), y_train.astype(np.int64),
                     np.ascontiguousarray(X_test, dtype=dtype)],
            "target": y_test.astype(np.int64)}
    if category:
        case["category"] = category
    return case


def cases():
    return [
        _case("example-clean", 20261201, n_train=200, n_test=100, noise=0.1, public=True),
        _case("example-noisy-float64", 20261202, n_train=300, n_test=100, noise=0.2, public=True,
              dtype=np.float64),
        _case("noise-0.1", 20261203, n_train=300, n_test=500, noise=0.1, covers=["float32-features"],
              category="moderate noise"),
        _case("noise-0.2-float64", 20261204, n_train=1000, n_test=500, noise=0.2,
              covers=["float64-features", "heavy-noise"], dtype=np.float64,
              category="heavy noise"),
        _case("sorted-by-label", 20261205, n_train=600, n_test=500, noise=0.15, sort_train=True,
              covers=["sorted-training-rows"],
              category="training rows sorted by label"),
        _case("sorted-by-label-float64", 20261206, n_train=400, n_test=500, noise=0.1, sort_train=True,
              dtype=np.float64, covers=["sorted-training-rows", "float64-features"],
              category="training rows sorted by label"),
        _case("centimetres-rotated-shifted", 20261207, n_train=500, n_test=500, noise=0.15, scale=100.0,
              angle_deg=30.0, shift=(500.0, -300.0), covers=["transformed-coordinates"],
              category="rotated, scaled and shifted plane"),
        _case("hundredths-rotated-shifted", 20261208, n_train=500, n_test=500, noise=0.1, scale=0.01,
              angle_deg=-75.0, shift=(0.5, 0.2), covers=["transformed-coordinates"],
              category="rotated, scaled and shifted plane"),
        _case("scaled-rotated-shifted-float64", 20261212, n_train=500, n_test=500, noise=0.1, scale=30.0,
              angle_deg=200.0, shift=(-500.0, 500.0), dtype=np.float64, covers=["transformed-coordinates", "float64-features"],
              category="rotated, scaled and shifted plane"),
        _case("imbalanced-3-to-1", 20261209, n_train=600, n_test=500, noise=0.15, frac1=0.25,
              covers=["imbalanced-classes"],
              category="imbalanced classes"),
        _case("small-train", 20261210, n_train=80, n_test=500, noise=0.1, covers=["small-training-set"],
              category="small training set"),
        _case("large", 20261211, n_train=2000, n_test=1000, noise=0.15, dtype=np.float64,
              covers=["float64-features", "large-training-set"],
              category="large training set"),
    ]
