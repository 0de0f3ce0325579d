import numpy as np


def cases():
    rng = np.random.default_rng(20261201)
    d8 = 8

    def gb(d):
        return rng.normal(1.0, 0.3, d), rng.normal(0.0, 1.0, d)

    out = [
        {"name": "example-2x3", "public": True,
         "args": [np.array([[1.0, 2.0, 3.0], [4.0, 4.0, 4.0]]), np.ones(3), np.zeros(3)]},
        {"name": "example-gamma-beta", "public": True,
         "args": [np.array([[0.0, 2.0, 4.0, 10.0]]), np.array([1.0, 2.0, 0.5, -1.0]),
                  np.array([0.0, 1.0, 0.0, 3.0])]},
        {"name": "one-dim-vector", "public": False, "category": "one-dimensional input", "covers": ["biased-variance"],
         "args": [rng.normal(2.0, 3.0, 11), rng.normal(1.0, 0.3, 11), rng.normal(0.0, 1.0, 11)]},
        {"name": "feature-dim-1", "public": False, "category": "constant slices",
         "covers": ["feature-dim-1", "constant-slice"],
         "args": [rng.normal(0.0, 5.0, (5, 1)), np.array([2.0]), np.array([-0.5])]},
        {"name": "constant-rows", "public": False, "category": "constant slices", "covers": ["constant-slice"],
         "args": [np.full((3, d8), 7.5), rng.normal(1.0, 0.3, d8), rng.normal(0.0, 1.0, d8)]},
        {"name": "tiny-variance", "public": False, "category": "variance below eps", "covers": ["tiny-variance"],
         "args": [3.0 + 1e-3 * rng.normal(size=(6, d8)), rng.normal(1.0, 0.3, d8), rng.normal(0.0, 1.0, d8)]},
        {"name": "integers", "public": False, "category": "integer dtype", "covers": ["integers-as-reals"],
         "args": [rng.integers(-20, 20, size=(4, 6)), np.ones(6), np.zeros(6)]},
        {"name": "custom-eps", "public": False, "category": "non-default eps", "covers": ["eps-inside-sqrt"],
         "args": [0.1 * rng.normal(size=(5, 7)), rng.normal(1.0, 0.3, 7), rng.normal(0.0, 1.0, 7)],
         "kwargs": {"eps": 0.01}},
        {"name": "large-offset", "public": False, "category": "large mean", "covers": ["large-mean"],
         "args": [1e6 + rng.normal(size=(4, 16)), rng.normal(1.0, 0.3, 16), rng.normal(0.0, 1.0, 16)]},
        {"name": "batched-3d", "public": False, "category": "several leading dimensions",
         "args": [rng.normal(1.0, 4.0, (2, 5, 7)), rng.normal(1.0, 0.3, 7), rng.normal(0.0, 1.0, 7)]},
        {"name": "batched-4d", "public": False, "category": "several leading dimensions",
         "args": [rng.normal(-3.0, 2.0, (2, 3, 4, 6)), rng.normal(1.0, 0.3, 6), rng.normal(0.0, 1.0, 6)]},
        {"name": "medium-batch", "public": False, "category": "random inputs",
         "args": [rng.normal(0.0, 10.0, (512, 64)), rng.normal(1.0, 0.3, 64), rng.normal(0.0, 1.0, 64)]},
    ]

    # eps = 0, which the statement allows: constant slices still give beta (not 0/0 = nan), also where the
    # rounded mean of a constant slice is not the entry (three 0.1s: the computed variance is 1.9e-34, not 0).
    g5, b5 = gb(5)
    eps0_mixed = np.vstack([rng.normal(0.0, 2.0, (2, 5)), np.full((1, 5), 7.5), [[1.0, 2.0, 3.0, 4.0, 5.0]]])
    g3, b3 = gb(3)
    tenths = np.array([[0.1, 0.1, 0.1], [0.2, 0.2, 0.2], [0.7, 0.7, 0.7], [0.1, 0.2, 0.3]])
    g6, b6 = gb(6)
    out += [
        {"name": "eps-zero-with-constant-row", "public": False, "category": "eps zero",
         "covers": ["eps-zero", "constant-slice"],
         "args": [eps0_mixed, g5, b5], "kwargs": {"eps": 0.0}},
        {"name": "eps-zero-constant-tenths", "public": False, "category": "eps zero",
         "covers": ["eps-zero", "constant-slice"],
         "args": [tenths, g3, b3], "kwargs": {"eps": 0.0}},
        {"name": "eps-zero-d1", "public": False, "category": "eps zero",
         "covers": ["eps-zero", "feature-dim-1", "constant-slice"],
         "args": [np.array([[3.0], [0.1], [-2.5], [0.0]]), np.array([1.5]), np.array([0.25])],
         "kwargs": {"eps": 0.0}},
        {"name": "eps-zero-large-mean", "public": False, "category": "large mean", "covers": ["eps-zero", "large-mean"],
         "args": [1e6 + rng.normal(size=(3, 6)), g6, b6], "kwargs": {"eps": 0.0}},
    ]

    # Every integer dtype at its limits: a difference x - x[0] or a square wraps around in the input's own dtype,
    # and for int64/uint64 so does the sum over a slice (the entries are multiples of 2^60, exact in float64).
    def ints(rows, dtype):
        return np.array(rows, dtype=dtype)

    p60 = 2**60
    g4, b4 = gb(4)
    out += [
        {"name": "int8-limits-eps-zero", "public": False, "category": "integer dtype limits",
         "covers": ["integers-as-reals", "eps-zero", "constant-slice"],
         "args": [ints([[-128, 127, 0, 1], [5, 5, 5, 5], [-128, -128, 127, 127]], np.int8), g4, b4],
         "kwargs": {"eps": 0.0}},
        {"name": "uint8-limits", "public": False, "category": "integer dtype limits", "covers": ["integers-as-reals"],
         "args": [ints([[255, 0, 1, 254], [7, 9, 11, 13]], np.uint8), g4, b4]},
        {"name": "int16-limits", "public": False, "category": "integer dtype limits", "covers": ["integers-as-reals"],
         "args": [ints([[-32768, 32767, 100], [1, 2, 4]], np.int16), g3, b3]},
        {"name": "uint16-limits", "public": False, "category": "integer dtype limits",
         "covers": ["integers-as-reals", "constant-slice"],
         "args": [ints([[65535, 0, 3], [3, 3, 3], [60000, 65535, 0]], np.uint16), g3, b3],
         "kwargs": {"eps": 0.5}},
        {"name": "int32-limits-1d", "public": False, "category": "integer dtype limits",
         "covers": ["integers-as-reals"],
         "args": [ints([-2**31, 2**31 - 1, 0, 12345], np.int32), g4, b4]},
        {"name": "uint32-limits", "public": False, "category": "integer dtype limits", "covers": ["integers-as-reals"],
         "args": [ints([[[2**32 - 1, 0, 2**31]], [[65536, 65536 * 3, 0]]], np.uint32), g3, b3]},
        {"name": "int64-limits", "public": False, "category": "integer dtype limits", "covers": ["integers-as-reals"],
         "args": [ints([[7 * p60, 6 * p60, 5 * p60, 7 * p60], [-8 * p60, 7 * p60, 0, -p60]], np.int64), g4, b4]},
        {"name": "uint64-limits", "public": False, "category": "integer dtype limits", "covers": ["integers-as-reals"],
         "args": [ints([[15 * p60, 14 * p60, 12 * p60, 15 * p60], [0, 15 * p60, p60, 3 * p60]], np.uint64),
                  g4, b4], "kwargs": {"eps": 0.0}},
    ]
    return out


def draw_case(draw):
    """One input from the declared space: x of float64 or any integer dtype with 1 to 3 dimensions and d in 1..5
    (constant slices likely; a non-constant slice keeps sigma >= 1e-7 max|x|, as the statement promises),
    float64 gamma and beta of shape (d,), and eps from {0, default, 1e-3, 0.5}."""
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    dtype = np.dtype(draw(st.sampled_from(["float64", "int8", "int16", "int32", "int64",
                                           "uint8", "uint16", "uint32", "uint64"])))
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=5))
    d = shape[-1]
    if dtype.kind == "f":
        offset = draw(st.sampled_from([0.0, 3.0, -7.5, 1e6]))
        scale = draw(st.sampled_from([1.0, 1e-3, 100.0]))
        elements = st.one_of(st.integers(-8, 8).map(lambda v: offset + v * scale / 8),  # ties, constant slices
                             st.sampled_from([0.1, 0.2, 0.7]),  # constant slices whose rounded mean is off
                             st.floats(-scale, scale, allow_nan=False, allow_infinity=False).map(lambda v: offset + v))
    else:
        info = np.iinfo(dtype)
        special = [int(info.min), int(info.max), int(info.max) - 1, 0, 1, 3]
        elements = st.one_of(st.sampled_from([v for v in special if info.min <= v <= info.max]),
                             st.integers(int(info.min), int(info.max)))
    x = draw(hnp.arrays(dtype, shape, elements=elements))
    rows = x.reshape(-1, d)
    for i in range(rows.shape[0]):
        if draw(st.integers(0, 3)) == 0:  # a constant slice (for floats maybe of 0.1s: the rounded mean is off)
            rows[i] = draw(st.sampled_from([rows[i, 0], 0.1])) if dtype.kind == "f" else rows[i, 0]
        f = rows[i].astype(np.float64)
        if not np.all(rows[i] == rows[i, 0]) and not f.std() >= 1e-7 * np.abs(f).max():
            rows[i] = rows[i, 0]  # too close to constant for float64: outside the statement's promise
    x = rows.reshape(shape)
    coef = st.integers(-16, 16).map(lambda v: v / 8)
    gamma = draw(hnp.arrays(np.float64, (d,), elements=st.one_of(coef, st.floats(-3, 3))))
    beta = draw(hnp.arrays(np.float64, (d,), elements=st.one_of(coef, st.floats(-3, 3))))
    kwargs = {}
    eps = draw(st.sampled_from([None, 0.0, 1e-3, 0.5]))
    if eps is not None:
        kwargs["eps"] = eps
    return {"args": [x, gamma, beta], "kwargs": kwargs}
