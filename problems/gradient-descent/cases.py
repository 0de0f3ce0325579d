import numpy as np


def _spd(rng, d, lo, hi):
    """A random symmetric positive definite matrix with eigenvalues spread over [lo, hi]."""
    q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    lam = np.geomspace(lo, hi, d)
    a = (q * lam) @ q.T
    return (a + a.T) / 2


def _int(dtype, values):
    return np.array(values, dtype=dtype)


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
        {"name": "zero-steps", "public": False, "category": "zero steps",
         "covers": ["zero-steps"], "args": [a5, rng.normal(size=5), rng.normal(size=5), 0.1, 0]},
        {"name": "one-step", "public": False, "category": "single step",
         "args": [a5, rng.normal(size=5), rng.normal(size=5), 0.3, 1]},
        {"name": "identity-lr1-exact", "public": False, "category": "gradient reaches zero",
         "covers": ["zero-gradient"],
         "args": [np.eye(3), np.array([1.5, -2.0, 0.25]), np.array([4.0, 4.0, -4.0]), 1.0, 6]},
        {"name": "b-zero", "public": False, "category": "zero linear term",
         "args": [a5, np.zeros(5), rng.normal(size=5) * 3, 0.2, 25]},
        {"name": "random-5d", "public": False, "category": "random inputs",
         "args": [a5, rng.normal(size=5) * 2, rng.normal(size=5), 0.35, 40]},
        {"name": "integers", "public": False, "category": "integer dtype",
         "args": [np.array([[4, 1, 0], [1, 3, -1], [0, -1, 2]]), np.array([1, -2, 3]), np.array([2, 0, -1]),
                  0.1, 15]},
        {"name": "ill-conditioned-unconverged", "public": False, "category": "ill-conditioned matrix",
         "args": [ill, rng.normal(size=6), np.zeros(6), 0.19, 150]},
        {"name": "diverging-lr", "public": False, "category": "diverging learning rate", "covers": ["diverging-lr"],
         "args": [_spd(rng, 4, 1.0, 10.0), rng.normal(size=4), rng.normal(size=4), 0.25, 40]},
        {"name": "large-d300-2000-steps", "public": False, "category": "large input",
         "args": [big, rng.normal(size=300), rng.normal(size=300), 0.15, 2000]},
        # Every integer dtype, with values chosen so that arithmetic in the input's own dtype goes wrong:
        # A @ x0, b @ x0 or x0 @ A @ x0 overflow (signed), and A @ x0 - b wraps around (unsigned, b > A x0).
        {"name": "int8-near-limits", "public": False, "category": "integer overflow",
         "args": [_int(np.int8, [[100, 27], [27, 90]]), _int(np.int8, [-128, 127]), _int(np.int8, [120, -110]),
                  0.005, 12]},
        {"name": "int16-overflowing-products", "public": False, "category": "integer overflow",
         "args": [_int(np.int16, [[300, -100], [-100, 200]]), _int(np.int16, [32000, -32000]),
                  _int(np.int16, [200, -150]), 0.002, 12]},
        {"name": "int32-overflowing-products", "public": False, "category": "integer overflow",
         "args": [_int(np.int32, [[50000, 10000], [10000, 40000]]), _int(np.int32, [2_000_000_000, -2_000_000_000]),
                  _int(np.int32, [45000, 20000]), 2e-5, 10]},
        {"name": "int64-overflowing-products", "public": False, "category": "integer overflow",
         "args": [_int(np.int64, [[3_000_000_000, 1_000_000_000], [1_000_000_000, 2_000_000_000]]),
                  _int(np.int64, [9 * 10**18, -9 * 10**18]), _int(np.int64, [3_000_000_000, 1_000_000_000]),
                  2e-10, 10]},
        {"name": "uint8-gradient-negative", "public": False, "category": "unsigned wrap-around",
         "args": [_int(np.uint8, [[200, 50], [50, 100]]), _int(np.uint8, [250, 255]), _int(np.uint8, [0, 3]),
                  0.005, 8]},
        {"name": "uint16-gradient-negative", "public": False, "category": "unsigned wrap-around",
         "args": [_int(np.uint16, [[60000, 1000], [1000, 50000]]), _int(np.uint16, [65535, 0]),
                  _int(np.uint16, [2, 1]), 2e-5, 8]},
        {"name": "uint32-gradient-negative", "public": False, "category": "unsigned wrap-around",
         "args": [_int(np.uint32, [[4_000_000_000, 10], [10, 3_000_000_000]]), _int(np.uint32, [1, 4_000_000_000]),
                  _int(np.uint32, [2, 1]), 2.5e-10, 8]},
        {"name": "uint64-gradient-negative", "public": False, "category": "unsigned wrap-around",
         "args": [_int(np.uint64, [[10**19, 5], [5, 9 * 10**18]]), _int(np.uint64, [7, 2**63]),
                  _int(np.uint64, [3, 2]), 1e-19, 8]},
        {"name": "zero-steps-int16-loss-overflows", "public": False, "category": "zero steps", "covers": ["zero-steps"],
         "args": [_int(np.int16, [[250, 40], [40, 180]]), _int(np.int16, [-30000, 30000]),
                  _int(np.int16, [-180, 170]), 0.01, 0]},
        {"name": "starts-at-minimiser", "public": False, "category": "gradient reaches zero",
         "covers": ["zero-gradient"],
         "args": [np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([-0.25, -3.25]), np.array([0.5, -1.25]), 0.25, 4]},
        # lr = 1 with A = I: x_1 = b and the gradient is zero from then on; every iterate is an integer, so
        # code that writes the iterates into an integer x0's own buffer returns the right values and is caught
        # only because it modified x0.
        {"name": "int32-identity-integral-iterates", "public": False, "category": "gradient reaches zero",
         "covers": ["zero-gradient"],
         "args": [_int(np.int32, [[1, 0, 0], [0, 1, 0], [0, 0, 1]]), _int(np.int32, [7, -3, 100_000]),
                  _int(np.int32, [-5, 9, 40_000]), 1.0, 3]},
        {"name": "d1-diverging", "public": False, "category": "diverging learning rate",
         "covers": ["single-dimension", "diverging-lr"],
         "args": [np.array([[3.0]]), np.array([1.5]), np.array([2.0]), 0.75, 30]},
    ]


DTYPES = ["float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]


def draw_case(draw):
    """One input from the declared space: A symmetric, strictly diagonally dominant with a positive diagonal
    (so positive definite), entries anywhere in the dtype's range; b, x0 of the same dtype; lr up to 1.3x the
    divergence threshold 2 / lambda_max; sometimes b = A x0 (the gradient is zero from the start)."""
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    dtype = np.dtype(draw(st.sampled_from(DTYPES)))
    d = draw(st.integers(1, 4))
    if dtype.kind == "f":
        off_el = st.floats(-8.0, 8.0, allow_nan=False, allow_subnormal=False)
        extra_el = st.floats(0.125, 64.0, allow_nan=False, allow_subnormal=False)
        vec_el = st.floats(-100.0, 100.0, allow_nan=False, allow_subnormal=False)
        cap = None
    else:
        info = np.iinfo(dtype)
        cap = int(info.max)
        lim = cap // (2 * d)
        off_el = st.integers(0 if dtype.kind == "u" else -lim, lim)
        vec_el = st.integers(int(info.min), cap)
    A = [[None] * d for _ in range(d)]
    for i in range(d):
        for j in range(i + 1, d):
            A[i][j] = A[j][i] = draw(off_el)
    for i in range(d):
        row = sum(abs(A[i][j]) for j in range(d) if j != i)
        A[i][i] = row + (draw(extra_el) if cap is None else draw(st.integers(1, cap - row)))
    A = np.array(A, dtype=dtype)
    x0 = draw(hnp.arrays(dtype, d, elements=vec_el))
    b = draw(hnp.arrays(dtype, d, elements=vec_el))
    if draw(st.booleans()) and draw(st.booleans()):  # start at the minimiser when A x0 fits the dtype
        exact = [sum(int(A[i, j]) * int(x0[j]) for j in range(d)) for i in range(d)] if cap else A @ x0
        if cap is None or all(int(info.min) <= v <= cap for v in exact):
            b = np.array(exact, dtype=dtype)
    lam_max = float(np.linalg.eigvalsh(A.astype(np.float64)).max())
    lr = draw(st.floats(0.01, 1.3)) * 2.0 / lam_max
    n_steps = draw(st.integers(0, 15))
    return {"args": [A, b, x0, lr, n_steps], "kwargs": {}}
