import numpy as np

INTEGER_DTYPES = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
# y's dtype for each X dtype: the same width, the other signedness, so the weights stay of order 1
PARTNER = {"int8": "uint8", "int16": "uint16", "int32": "uint32", "int64": "uint64",
           "uint8": "int8", "uint16": "int16", "uint32": "int32", "uint64": "int64"}


def _linear(rng, n, d, w, noise=0.3, corr=0.0):
    """X with columns sharing a common factor (corr in [0, 1)), y = X w + noise."""
    base = rng.normal(size=(n, 1))
    X = np.sqrt(1.0 - corr) * rng.normal(size=(n, d)) + np.sqrt(corr) * base
    return X, X @ np.asarray(w, dtype=np.float64) + noise * rng.normal(size=n)


def _alpha_max(X, y):
    X, y = np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.float64)
    return np.abs(X.T @ y).max() / len(y)


def cases():
    rng = np.random.default_rng(20261302)
    out = [
        {"name": "example-one-sweep", "public": True,
         "args": [np.array([[1.0, 2.0], [2.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([3.0, 2.0, 1.0, 2.0]),
                  0.25, 1]},
        {"name": "example-zero-column", "public": True,
         "args": [np.array([[1.0, 0.0, 2.0], [-1.0, 0.0, 1.0], [2.0, 0.0, 0.0], [0.0, 0.0, -1.0]]),
                  np.array([4.0, -1.0, 3.0, -2.0]), 0.5, 20]},
    ]
    X, y = _linear(rng, 12, 4, [1.0, -2.0, 0.0, 0.5])
    out.append({"name": "small-random", "public": False, "category": "random inputs",
                "args": [X, y, 0.05, 5]})
    X, y = _linear(rng, 50, 8, [2.0, -1.0, 0.0, 0.0, 0.5, 0.0, -0.3, 1.5])
    out.append({"name": "random-sparse", "public": False, "category": "random inputs",
                "covers": ["negative-weights"], "args": [X, y, 0.1, 30]})
    X, y = _linear(rng, 40, 6, [-1.0, -2.0, 0.5, -0.5, 0.0, -3.0])
    out.append({"name": "mostly-negative", "public": False, "category": "negative coefficients",
                "covers": ["negative-weights"], "args": [X, y, 0.2, 25]})
    # Strongly correlated columns converge slowly: after 3 sweeps the weights are far from the optimum.
    X, y = _linear(rng, 30, 5, [1.0, 1.0, -1.0, 0.5, 2.0], corr=0.9)
    out.append({"name": "correlated-three-sweeps", "public": False, "category": "exact number of sweeps",
                "covers": ["exact-sweeps"], "args": [X, y, 0.05, 3]})
    X, y = _linear(rng, 20, 4, [2.0, -1.0, 1.0, 0.5], corr=0.6)
    out.append({"name": "single-sweep", "public": False, "category": "exact number of sweeps",
                "covers": ["exact-sweeps", "negative-weights"], "args": [X, y, 0.1, 1]})
    X, y = _linear(rng, 25, 6, [1.0, 0.0, 2.0, 0.0, -1.0, 1.0], corr=0.8)
    out.append({"name": "correlated-fifteen-sweeps", "public": False, "category": "exact number of sweeps",
                "covers": ["exact-sweeps"], "args": [X, y, 0.02, 15]})
    X, y = _linear(rng, 10, 3, [1.0, 2.0, 3.0])
    out.append({"name": "no-sweeps", "public": False, "category": "zero sweeps", "covers": ["no-sweeps"],
                "args": [X, y, 0.1, 0]})
    X, y = _linear(rng, 20, 5, [1.0, -1.0, 0.0, 2.0, 0.5])
    X[:, 0] = 0.0
    X[:, 3] = 0.0
    out.append({"name": "zero-columns", "public": False, "category": "zero column", "covers": ["zero-column"],
                "args": [X, y, 0.05, 10]})
    X, y = _linear(rng, 15, 4, [1.0, -1.0, 0.0, 2.0])
    X[:, 2] = 0.0
    out.append({"name": "zero-column-no-penalty", "public": False, "category": "zero column",
                "covers": ["zero-column", "alpha-zero"], "args": [X, y, 0.0, 8]})
    X, y = _linear(rng, 30, 4, [1.5, -0.5, 2.0, -1.0], corr=0.5)
    out.append({"name": "no-penalty", "public": False, "category": "no penalty", "covers": ["alpha-zero"],
                "args": [X, y, 0.0, 20]})
    X, y = _linear(rng, 25, 5, [1.0, -2.0, 0.5, 0.0, 1.0])
    out.append({"name": "penalty-above-max", "public": False, "category": "penalty removes every feature",
                "covers": ["all-zero"], "args": [X, y, 1.01 * _alpha_max(X, y), 10]})
    X, y = _linear(rng, 25, 5, [1.0, -2.0, 0.5, 0.0, 1.0])
    out.append({"name": "penalty-just-below-max", "public": False, "category": "sparse solution",
                "covers": ["negative-weights"], "args": [X, y, 0.9 * _alpha_max(X, y), 10]})
    # Columns on scales from 1e-2 to 1e3: each update must divide by that column's own squared norm.
    X, y = _linear(rng, 40, 5, [1.0, -1.0, 2.0, 0.5, -0.5])
    scales = np.array([0.01, 1.0, 30.0, 1000.0, 0.2])
    out.append({"name": "column-scales", "public": False, "category": "features on different scales",
                "covers": ["column-scales"], "args": [X * scales, y, 0.05, 20]})
    X, y = _linear(rng, 8, 20, rng.normal(size=20) * (rng.random(20) < 0.3))
    out.append({"name": "more-features-than-rows", "public": False, "category": "more features than samples",
                "args": [X, y, 0.1, 20]})
    X, y = _linear(rng, 30, 1, [-2.5])
    out.append({"name": "single-feature", "public": False, "category": "single feature",
                "covers": ["negative-weights"], "args": [X, y, 0.3, 2]})
    X, y = _linear(rng, 600, 25, rng.normal(size=25) * (rng.random(25) < 0.5), corr=0.3)
    out.append({"name": "large-input", "public": False, "category": "large input", "args": [X, y, 0.02, 20]})

    for xdt in INTEGER_DTYPES:
        X, y = _integer_case(rng, xdt, PARTNER[xdt])
        out.append({"name": f"x-{xdt}-y-{PARTNER[xdt]}", "public": False, "category": "integer dtype",
                    "covers": ["integer-inputs"], "args": [X, y, 0.1 * _alpha_max(X, y), 10]})

    # Weights of order 1e-7, converging slowly (correlated columns): a stopping rule on an absolute change
    # (1e-4 ... 1e-8) ends the sweeps early while the weights still move by more than the tolerance.
    arng = np.random.default_rng(20261312)
    X, y = _linear(arng, 30, 5, [1.0, -1.0, 0.5, 2.0, -0.5], corr=0.9)
    out.append({"name": "tiny-weights-twenty-sweeps", "public": False, "category": "exact number of sweeps",
                "covers": ["exact-sweeps", "negative-weights"], "args": [X, y * 1e-7, 1e-9, 20]})
    # A column of scale 1e-8 (z_j about 1e-16) is not a zero column: only z_j == 0 is skipped.
    X, y = _linear(arng, 15, 4, [1.0, -2.0, 0.5, 1.0])
    X[:, 2] *= 1e-8
    out.append({"name": "tiny-but-nonzero-column", "public": False, "category": "features on different scales",
                "covers": ["column-scales", "alpha-zero"], "args": [X, y, 0.0, 10]})
    return out


def _integer_case(rng, xdt, ydt):
    """X and y spread over their dtypes' whole ranges (limits included): squares and dot products in the
    input's own dtype wrap around."""
    n, d = 10, 3
    xi, yi = np.iinfo(xdt), np.iinfo(ydt)
    X = np.array([[int(xi.min) + int(f * (int(xi.max) - int(xi.min))) for f in r] for r in rng.random((n, d))],
                 dtype=object)
    X[0, 0], X[1, 1], X[2, 2] = int(xi.max), int(xi.min), int(xi.max)
    y = np.array([int(yi.min) + int(f * (int(yi.max) - int(yi.min))) for f in rng.random(n)], dtype=object)
    y[0], y[1] = int(yi.max), int(yi.min)
    return X.astype(xdt), y.astype(ydt)
