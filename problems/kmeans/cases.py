import numpy as np


def _blobs(rng, centres, per, spread):
    centres = np.asarray(centres, dtype=float)
    X = np.concatenate([c + spread * rng.normal(size=(per, centres.shape[1])) for c in centres])
    return X[rng.permutation(len(X))]


def cases():
    rng = np.random.default_rng(20261123)
    out = [
        {"name": "example-tie-2d", "public": True,
         "args": [np.array([[0.0, 0.0], [0.0, 1.0], [4.0, 4.0], [4.0, 5.0], [5.0, 4.0]]), 2,
                  np.array([[0.0, 0.0], [1.0, 1.0]])]},
        {"name": "example-empty-cluster-1d", "public": True,
         "args": [np.array([[0.0], [1.0], [10.0], [11.0]]), 3, np.array([[0.0], [1.0], [100.0]])]},
    ]
    # Points exactly equidistant from both initial centroids (integer coordinates: every distance is exact).
    out.append({"name": "exact-ties", "public": False, "category": "ties", "covers": ["tie-lowest-index"],
                "args": [np.array([[-1.0, 0.0], [1.0, 0.0], [0.0, 0.0], [0.0, 5.0], [0.0, -5.0], [3.0, 1.0]]), 2,
                         np.array([[-2.0, 0.0], [2.0, 0.0]])]})
    # Two identical initial centroids: the second never wins a tie, so it stays empty where it started.
    X = _blobs(rng, [[0, 0, 0], [6, 6, 6]], 15, 0.7)
    out.append({"name": "duplicate-init", "public": False, "category": "duplicate initial centroids",
                "covers": ["duplicate-init-rows", "empty-keeps-centroid", "empty-wins-back", "init-unmodified"],
                "args": [X, 3, np.array([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [5.0, 5.0, 5.0]])]})
    # A cluster that owns 3 points after the first step and none after the second.
    r = np.random.default_rng(266)
    X = r.integers(0, 30, size=(10, 2)).astype(float)
    init = r.integers(0, 30, size=(3, 2)).astype(float)
    out.append({"name": "cluster-empties-mid-run", "public": False, "category": "empty cluster",
                "covers": ["empty-keeps-centroid"], "args": [X, 3, init]})
    # Initial centroids far from all data: two clusters are empty from the start.
    X = rng.normal(size=(12, 2))
    out.append({"name": "far-init-two-empty", "public": False, "category": "empty cluster",
                "covers": ["empty-keeps-centroid"],
                "args": [X, 3, np.array([[0.0, 0.0], [50.0, 50.0], [-40.0, 60.0]])]})
    X = _blobs(rng, [[-10], [0], [7]], 20, 1.0)
    out.append({"name": "d1-three-clusters", "public": False, "category": "single dimension",
                "args": [X, 3, np.array([[-1.0], [0.0], [1.0]])]})
    X = rng.normal(3.0, 2.0, size=(25, 4))
    out.append({"name": "k1", "public": False, "category": "single cluster", "args": [X, 1, X[:1] + 10.0]})
    X = rng.normal(size=(5, 3))
    out.append({"name": "n-equals-k", "public": False, "category": "k exceeds distinct points",
                "covers": ["k-exceeds-distinct", "empty-wins-back"], "args": [X, 5, X[[0, 0, 1, 2, 3]] + 0.25]})
    out.append({"name": "single-point", "public": False, "category": "k exceeds distinct points",
                "covers": ["k-exceeds-distinct"],
                "args": [np.array([[2.5, -1.0]]), 3, np.array([[0.0, 0.0], [5.0, 5.0], [2.0, -1.0]])]})
    # Integer data and integer initial centroids: the means are not integers.
    X = rng.integers(-20, 20, size=(30, 2))
    out.append({"name": "integer-inputs", "public": False, "category": "integer dtype",
                "covers": ["integer-means"], "args": [X, 3, X[:3].copy()]})
    # Evenly spaced points and a lopsided start: Lloyd needs many iterations, and max_iter cuts it short.
    X = np.arange(40, dtype=float).reshape(-1, 1)
    init = np.array([[0.0], [1.0]])
    out.append({"name": "max-iter-2", "public": False, "category": "iteration limit",
                "covers": ["max-iter"], "args": [X, 2, init], "kwargs": {"max_iter": 2}})
    out.append({"name": "max-iter-5", "public": False, "category": "iteration limit",
                "args": [X, 2, init], "kwargs": {"max_iter": 5}})
    out.append({"name": "slow-converge-default", "public": False, "category": "slow convergence",
                "covers": ["stop-unchanged-labels"], "args": [X, 2, init]})
    centres = rng.uniform(-20, 20, size=(5, 3))
    X = _blobs(rng, centres, 40, 1.0)
    out.append({"name": "separated-blobs", "public": False, "category": "input must not be modified",
                "covers": ["init-unmodified"], "args": [X, 5, X[:5].copy()]})
    # Large: 20000 points, 12 overlapping clusters in 6-D; a pure-Python loop over points is far too slow.
    centres = rng.uniform(-6, 6, size=(12, 6))
    X = _blobs(rng, centres, 20000 // 12 + 1, 1.5)[:20000]
    out.append({"name": "large-overlapping", "public": False, "category": "large input",
                "args": [X, 12, X[rng.choice(len(X), 12, replace=False)].copy()], "kwargs": {"max_iter": 50}})
    out.extend(_more_cases())
    out.extend(_dtype_cases())
    # Found by `grader mine` (minimal inputs that separate a wrong solution from the reference).
    out += [
        {"name": "mined-first-distances-input-dtype", "public": False, "category": "integer overflow",
         "covers": ["empty-keeps-centroid"],
         "args": [np.array([[-128]], dtype=np.int8), 2, np.array([[123], [124]], dtype=np.int8)],
         "kwargs": {"max_iter": 1}},
        {"name": "mined-loop-last-tie", "public": False, "category": "ties", "covers": ["tie-lowest-index"],
         "args": [np.array([[-32760]], dtype=np.int16), 2, np.array([[-32755], [-32765]], dtype=np.int16)],
         "kwargs": {"max_iter": 1}},
        {"name": "mined-squared-norms-input-dtype", "public": False, "category": "integer overflow",
         "covers": ["k-exceeds-distinct"],
         "args": [np.array([[123]], dtype=np.int8), 2, np.array([[0.0], [0.0]], dtype=np.float64)],
         "kwargs": {"max_iter": 2}},
        {"name": "mined-ignores-max-iter", "public": False, "category": "iteration limit", "covers": ["max-iter"],
         "args": [np.array([[0], [8192]], dtype=np.uint64), 2, np.array([[0.0], [0.0]], dtype=np.float64)],
         "kwargs": {"max_iter": 1}},
        {"name": "mined-mutates-init", "public": False, "category": "input must not be modified",
         "covers": ["init-unmodified"],
         "args": [np.array([[0.0]], dtype=np.float64), 1, np.array([[-1.5]], dtype=np.float64)],
         "kwargs": {"max_iter": 1}},
    ]
    return out


def _more_cases():
    # One iteration only: the labels of the first assignment and the centroids after the first update.
    X = np.array([[0.0, 0.0], [1.0, 0.0], [4.0, 0.0], [5.0, 1.0], [9.0, 2.0], [10.0, 0.0]])
    out = [{"name": "max-iter-1", "public": False, "category": "iteration limit", "covers": ["max-iter"],
            "args": [X, 2, np.array([[0.5, 0.0], [1.5, 0.0]])], "kwargs": {"max_iter": 1}}]
    # A point equidistant from four centroids (and points tied between pairs); the lowest index must win,
    # not the last one scanned nor the first in some sorted order. All values are small dyadic numbers.
    X = np.array([[0.0, 0.0], [0.0, 0.0], [3.0, 0.0], [-3.0, 0.0], [0.0, 3.0], [0.0, -3.0],
                  [1.0, 1.0], [-1.0, -1.0], [2.5, 2.5], [-2.5, 2.5]])
    init = np.array([[0.0, 2.0], [2.0, 0.0], [0.0, -2.0], [-2.0, 0.0]])
    out.append({"name": "four-way-tie", "public": False, "category": "ties",
                "covers": ["tie-lowest-index", "init-unmodified"],
                "args": [X, 4, init]})
    # k exceeds the number of distinct points (rows repeat), with repeated initial centroids.
    X = np.array([[1.0, 1.0]] * 3 + [[4.0, 5.0]] * 2 + [[-2.0, 0.5]] * 2)
    init = np.array([[0.0, 0.0], [4.0, 4.0], [4.0, 4.0], [-2.0, 0.5], [10.0, 10.0]])
    out.append({"name": "k-above-distinct", "public": False, "category": "k exceeds distinct points",
                "covers": ["k-exceeds-distinct", "duplicate-init-rows", "empty-keeps-centroid"], "args": [X, 5, init]})
    return out


def _dtype_cases():
    """X and init in every integer dtype. Clusters sit near the dtype's minimum, middle and maximum, so that
    differences computed in the input dtype wrap (uint8: 3 - 250 = 9), squares overflow (int8: 120 * 120),
    and the means are not integers. The 64-bit values are multiples of 2**13 (exact in float64). No
    distance is tied or nearly tied."""
    rng = np.random.default_rng(41)
    out = []
    for dt in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"):
        info = np.iinfo(dt)
        step = 2 ** 13 if info.bits == 64 else max(1, int(info.max) // 40)
        lo = -(-int(info.min) // step) * step
        hi = (int(info.max) // step) * step
        mid = ((lo + hi) // 2 // step) * step
        offsets = [np.array([[0, 1], [1, 0], [2, 2], [0, 3]]), np.array([[0, 0], [1, 2], [-1, 1], [2, -1]]),
                   np.array([[0, 0], [-1, -2], [-3, 0], [-2, -1]])]
        centres = [(lo, lo), (mid, mid), (hi, hi)]
        X = np.concatenate([np.array(c, dtype=object) + o.astype(object) * step
                            for c, o in zip(centres, offsets)])
        unit = 2 ** 13 if info.bits == 64 else 1
        jitter = rng.integers(0, max(2, step // unit // 3), size=X.shape).astype(object) * unit
        X = X + np.where(X < mid, jitter, -jitter)     # stay inside the dtype's range
        X = X[rng.permutation(len(X))]
        # Start: one centroid near each group.
        init = np.array([[lo, lo + 2 * step], [mid + 2 * step, mid - step], [hi - 3 * step, hi]], dtype=object)
        # One iteration: Lloyd would recover from a wrong first assignment on such separated groups.
        out.append({"name": f"dtype-{dt}", "public": False, "category": "integer dtype near limits",
                    "covers": ["integer-means", "max-iter"],
                    "args": [X.astype(dt), 3, init.astype(dt)], "kwargs": {"max_iter": 1}})
    return out


DTYPES = ("float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


def float_safe(X, init, max_iter=100, rel=1e-9):
    """True when Lloyd's run from `init` meets only ties that floating point decides the same way under any
    sound distance formula: it replays the run in exact rational arithmetic and, at every assignment, asks
    that each tie be between identical centroids or between small dyadic numbers, and that every distance
    that is not tied exceed the smallest by a relative margin `rel`."""
    from fractions import Fraction

    def dyadic(q):
        return q.denominator & (q.denominator - 1) == 0 and q.denominator <= 2 ** 10 and abs(q) <= 2 ** 26

    pts = [[Fraction(v) for v in row] for row in np.asarray(X).tolist()]
    cents = [[Fraction(v) for v in row] for row in np.asarray(init).tolist()]
    labels = None
    for _ in range(max_iter):
        new = []
        for x in pts:
            dist = [sum((a - b) ** 2 for a, b in zip(x, c)) for c in cents]
            best = min(dist)
            j = dist.index(best)
            scale = sum(a * a for a in x) + max(sum(b * b for b in c) for c in cents)
            for jj, dj in enumerate(dist):
                if jj == j or cents[jj] == cents[j]:
                    continue
                if dj == best:
                    if not all(dyadic(v) for v in x + cents[j] + cents[jj]):
                        return False
                elif dj - best <= rel * scale:
                    return False
            new.append(j)
        if new == labels:
            break
        labels = new
        for j in range(len(cents)):
            members = [x for x, lab in zip(pts, labels) if lab == j]
            if members:
                cents[j] = [sum(col) / len(members) for col in zip(*members)]
    return True


def _values(draw, dtype, shape):
    """Small levels 0..4 mapped into the dtype: dyadic floats, or integers near a limit of the dtype."""
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    levels = draw(hnp.arrays(np.int64, shape, elements=st.integers(0, 4)))
    if dtype == "float64":
        return levels * draw(st.sampled_from([0.5, 1.0, 2.0, -3.0])) + draw(st.sampled_from([0.0, -1.5, 100.0]))
    info = np.iinfo(dtype)
    step = 2 ** 13 if info.bits == 64 else draw(st.sampled_from([1, 2, 5]))
    near = draw(st.sampled_from(["max", "min", "zero"] if info.min < 0 else ["max", "zero"]))
    base = {"max": (int(info.max) // step - 4) * step, "min": -(-int(info.min) // step) * step, "zero": 0}[near]
    return np.array((base + levels.astype(object) * step).tolist(), dtype=dtype).reshape(shape)


def draw_case(draw):
    """One input from the declared space: n <= 8 points in d <= 3 dimensions, k <= 4 (possibly above n),
    X and init in any declared dtype (integers near their limits), repeated rows and ties, max_iter small
    or the default; only runs whose ties are exact in floating point (see float_safe)."""
    import hypothesis.strategies as st
    from hypothesis import assume

    n = draw(st.integers(1, 8))
    d = draw(st.integers(1, 3))
    k = draw(st.integers(1, 4))
    X = _values(draw, draw(st.sampled_from(DTYPES)), (n, d))
    init_dtype = draw(st.sampled_from(DTYPES))
    init = None
    if draw(st.booleans()):                        # start from data points (repeats allowed) when they fit
        rows = X[draw(st.lists(st.integers(0, n - 1), min_size=k, max_size=k))]
        with np.errstate(all="ignore"):
            cast = rows.astype(init_dtype)
        if [[float(v) for v in r] for r in cast.tolist()] == [[float(v) for v in r] for r in rows.tolist()] \
                and cast.astype(object).tolist() == rows.astype(object).tolist():
            init = cast
    if init is None:
        init = _values(draw, init_dtype, (k, d))
    max_iter = draw(st.sampled_from([1, 2, 3, 100]))
    assume(float_safe(X, init, max_iter))
    return {"args": [X, k, init], "kwargs": {"max_iter": max_iter}}
