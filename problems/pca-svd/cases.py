import numpy as np


def _aniso(rng, n, d, scales, offset=0.0):
    """n samples in d dimensions with the given standard deviations along a random rotation."""
    q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    z = rng.normal(size=(n, len(scales))) * np.asarray(scales)
    return z @ q[:len(scales)] + offset


def cases():
    rng = np.random.default_rng(20261204)
    out = [
        {"name": "example-line", "public": True,
         "args": [np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]]), 1]},
        {"name": "example-5x3", "public": True,
         "args": [np.array([[4.0, 1.0, 0.0], [2.0, 3.0, 1.0], [0.0, 0.0, 5.0], [1.0, -1.0, 2.0],
                            [3.0, 2.0, -2.0]]), 2]},
        {"name": "all-components-square", "public": False, "category": "all components kept",
         "covers": ["k-max", "sign-largest-abs"],
         "args": [_aniso(rng, 5, 5, [5.0, 3.0, 2.0, 1.0]), 4]},
        {"name": "all-components-tall", "public": False, "category": "all components kept",
         "covers": ["k-max", "n-greater-than-d"],
         "args": [_aniso(rng, 30, 5, [6.0, 4.0, 2.5, 1.5, 0.7]), 5]},
        {"name": "wide-n-less-than-d", "public": False, "category": "fewer samples than features",
         "covers": ["n-less-than-d", "ratio-over-total"],
         "args": [rng.normal(size=(6, 10)) * np.linspace(3.0, 0.5, 10), 3]},
        {"name": "two-samples", "public": False, "category": "two samples",
         "covers": ["two-samples", "k-max"], "args": [rng.normal(size=(2, 4)), 1]},
        {"name": "single-component", "public": False, "category": "variance ratio over the total",
         "covers": ["ratio-over-total", "sign-largest-abs"],
         "args": [_aniso(rng, 50, 7, [4.0, 2.0, 1.0, 1.0, 0.5]), 1]},
    ]
    X = _aniso(rng, 40, 6, [4.0, 2.5, 1.5, 1.0, 0.5])
    X[:, 3] = 7.0
    out.append({"name": "constant-feature", "public": False, "category": "constant feature",
                "covers": ["constant-feature"], "args": [X, 3]})
    X = _aniso(rng, 60, 5, [3.0, 2.0, 1.0, 0.5])
    X[:, 4] = 1e-6 * rng.normal(size=60)
    out.append({"name": "tiny-variance-feature", "public": False, "category": "tiny-variance feature",
                "covers": ["tiny-variance"], "args": [X, 2]})
    out.append({"name": "integers", "public": False, "category": "integer dtype",
                "args": [np.round(_aniso(rng, 25, 4, [8.0, 4.0, 2.0, 1.0])).astype(np.int64), 2]})
    out.append({"name": "large-offset-mean", "public": False, "category": "data far from the origin",
                "covers": ["centred-projection"],
                "args": [_aniso(rng, 80, 6, [3.0, 2.0, 1.2, 0.8, 0.4, 0.2], offset=1000.0), 3]})
    out.append({"name": "large-1000x40", "public": False, "category": "large input",
                "args": [_aniso(rng, 1000, 40, np.geomspace(10.0, 0.1, 40)), 10]})
    out.extend(_dtype_cases())
    # Found by `grader mine` (minimal inputs that separate a wrong solution from the reference).
    out += [
        {"name": "mined-covariance-input-dtype", "public": False, "category": "integer dtype near its limits",
         "covers": ["constant-feature"],
         "args": [np.array([[121, 122], [122, 122]], dtype=np.int8), 1]},
        {"name": "mined-sign-argmax-not-abs", "public": False, "category": "component sign",
         "covers": ["sign-largest-abs", "two-samples"],
         "args": [np.array([[121, 120], [120, 120]], dtype=np.int8), 1]},
        {"name": "mined-centres-in-place", "public": False, "category": "input must not be modified",
         "covers": ["two-samples"],
         "args": [np.array([[0.0], [0.25]], dtype=np.float64), 1]},
    ]
    return out


def _dtype_cases():
    """X in every integer dtype, with values where arithmetic in the input dtype goes wrong: X.T @ X (and
    the squares of the column sums) overflow, and the columns sit near the dtype's limits or far from 0.
    Variances are well separated, as are the largest entries of each component (checked in _separated)."""
    rng = np.random.default_rng(43)
    specs = {  # dtype: (centre of the data, spread, n, d, k)
        "int8": (-40, 14.0, 20, 3, 2), "int16": (20000, 2500.0, 18, 4, 2), "int32": (-1_500_000_000, 1.2e8, 16, 3, 2),
        "int64": (3_000_000_000, 2.0e8, 15, 4, 3), "uint8": (150, 16.0, 22, 3, 2), "uint16": (50000, 2500.0, 18, 4, 2),
        "uint32": (3_500_000_000, 1.0e8, 16, 3, 1), "uint64": (2 ** 40, 3.0e9, 14, 3, 2)}
    out = []
    for dt, (centre, spread, n, d, k) in specs.items():
        info = np.iinfo(dt)
        for _ in range(100):
            z = _aniso(rng, n, d, spread * np.array([3.0, 1.6, 0.7, 0.3][:d]))
            X = np.clip(np.round(z + centre), int(info.min), int(info.max))
            if _separated(X, k):
                break
        else:
            raise AssertionError(f"no well-separated integer data for {dt}")
        Xi = np.array([[int(v) for v in row] for row in X.tolist()], dtype=dt)
        out.append({"name": f"dtype-{dt}", "public": False, "category": "integer dtype near its limits",
                    "args": [Xi, k]})
    return out


def _separated(X, k, gap=1e-2):
    """Distinct variances (relative gap) down to the (k+1)-th, and a clear largest |entry| per component."""
    Xc = X - X.mean(axis=0)
    _, s, vt = np.linalg.svd(Xc, full_matrices=False)
    var = s ** 2
    var = np.append(var, 0.0)
    if np.any(var[:k] - var[1:k + 1] <= gap * var[0]):
        return False
    top2 = np.sort(np.abs(vt[:k]), axis=1)[:, -2:] if vt.shape[1] > 1 else None
    return top2 is None or bool(np.all(top2[:, 1] - top2[:, 0] > gap))


DTYPES = ("float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


def draw_case(draw):
    """One input from the declared space: 2 <= n <= 9, 1 <= d <= 4, any valid k; integer data near the
    dtype's limits or far from 0; only inputs with the statement's guarantees (separated variances, a
    clear largest entry per component; see _separated)."""
    import hypothesis.strategies as st
    from hypothesis import assume
    from hypothesis.extra import numpy as hnp

    n = draw(st.integers(2, 9))
    d = draw(st.integers(1, 4))
    k = draw(st.integers(1, min(n - 1, d)))
    dt = draw(st.sampled_from(DTYPES))
    levels = draw(hnp.arrays(np.int64, (n, d), elements=st.integers(-6, 6)))
    if dt == "float64":
        X = levels * draw(st.sampled_from([0.25, 1.0, 3.5, 1e-3])) + draw(st.sampled_from([0.0, -7.0, 100.0]))
        if draw(st.booleans()):
            X = X + draw(hnp.arrays(np.float64, (n, d), elements=st.floats(-0.5, 0.5)))
    else:
        info = np.iinfo(dt)
        coarse = 2 ** (info.bits - 7)          # exact in float64 at every width
        step = draw(st.sampled_from([1, 3, coarse]))
        where = draw(st.sampled_from(["max", "min", "zero"] if info.min < 0 else ["max", "zero"]))
        if where != "zero" and int(info.max) > 2 ** 20 * step:
            step = coarse                      # keep the offset within 2**20 spreads: float64 centring stays exact enough
        base = {"max": (int(info.max) // step - 6) * step, "min": -(-int(info.min) // step - 6) * step,
                "zero": 6 * step if info.min == 0 else 0}[where]
        X = np.array((base + levels.astype(object) * step).tolist(), dtype=dt).reshape(n, d)
    assume(_separated(X.astype(np.float64), k) and _projection_clear(X.astype(np.float64), k))
    return {"args": [X, k], "kwargs": {}}


def _projection_clear(X, k):
    """Float64 centring of data of large magnitude has absolute rounding errors beyond atol = 1e-8; then no
    projected value may be (nearly) 0, where the elementwise comparison would judge the rounding."""
    Xc = X - X.mean(axis=0)
    if np.abs(X).max() <= 1e4:
        return True
    _, _, vt = np.linalg.svd(Xc, full_matrices=False)
    P = np.abs(Xc @ vt[:k].T)
    return bool(np.all(P > 1e-6 * P.max()))
