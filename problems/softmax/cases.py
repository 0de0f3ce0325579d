import numpy as np


def cases():
    rng = np.random.default_rng(20261122)
    out = [
        {"name": "example-1d", "public": True, "args": [np.array([1.0, 2.0, 3.0])]},
        {"name": "example-large-logits-axis1", "public": True,
         "args": [np.array([[1000.0, 1000.0], [0.0, -1000.0]])], "kwargs": {"axis": 1}},
        {"name": "single-element", "public": False, "category": "single element",
         "covers": ["single-element"], "args": [np.array([42.0])]},
        {"name": "constant-row", "public": False, "category": "constant slice",
         "covers": ["constant-slice"], "args": [np.full((3, 5), 7.5)]},
        {"name": "huge-logits", "public": False, "category": "large logits", "covers": ["huge-logits"],
         "args": [rng.normal(0, 1, (4, 6)) * 50 + 800]},
        {"name": "very-negative", "public": False, "category": "large logits", "covers": ["huge-logits"],
         "args": [rng.normal(0, 1, (5, 3)) - 1e4]},
        {"name": "axis0-nonsquare", "public": False, "category": "axis other than the last",
         "args": [rng.normal(0, 3, (7, 3))], "kwargs": {"axis": 0}},
        {"name": "integers", "public": False, "category": "integer dtype", "covers": ["integers-as-reals"],
         "args": [np.arange(-3, 9).reshape(3, 4)]},
        {"name": "batched-3d-middle-axis", "public": False, "category": "axis other than the last",
         "args": [rng.normal(0, 10, (2, 9, 4))], "kwargs": {"axis": 1}},
        {"name": "negative-axis-2", "public": False, "category": "negative axis", "covers": ["negative-axis"],
         "args": [rng.normal(0, 10, (3, 4, 5))], "kwargs": {"axis": -2}},
        {"name": "rows-on-different-scales", "public": False, "category": "slices on different scales",
         "covers": ["huge-logits"],
         "args": [np.array([[900.0, 901.0, 899.0], [-5.0, -4.0, -6.0], [0.0, 1.0, 2.0]])]},
        {"name": "large-batch", "public": False, "category": "large input", "args": [rng.normal(0, 20, (2000, 500))]},
    ]

    # Every integer dtype, with values at the dtype's limits (|x| <= 2^31, as the statement promises): x - max(x)
    # wraps around in the input's own dtype (and np.exp of an int8/uint8/int16/uint16 array computes in
    # float16/float32). 2^31 keeps the log-softmax route exp(x - logsumexp(x)) within rtol as well.
    def ints(rows, dtype):
        return np.array(rows, dtype=dtype)

    out += [
        {"name": "int8-limits", "public": False, "category": "integer dtype near its limits",
         "covers": ["integers-as-reals"],
         "args": [ints([[-128, 127, 126, 125], [3, 1, 2, -1]], np.int8)]},
        {"name": "uint8-below-max-axis0", "public": False, "category": "integer dtype near its limits",
         "covers": ["integers-as-reals"],
         "args": [ints([[0, 255, 3], [5, 0, 3]], np.uint8)], "kwargs": {"axis": 0}},
        {"name": "int16-limits", "public": False, "category": "integer dtype near its limits",
         "covers": ["integers-as-reals", "constant-slice"],
         "args": [ints([[-32768, 32767, 32765], [100, 99, 98], [-32768, -32768, -32768]], np.int16)]},
        {"name": "uint16-small", "public": False, "category": "integer dtype near its limits",
         "covers": ["integers-as-reals"],
         "args": [ints([[0, 3, 1, 2], [65535, 65534, 0, 65533]], np.uint16)]},
        {"name": "int32-limits-negative-axis", "public": False, "category": "integer dtype near its limits",
         "covers": ["integers-as-reals", "negative-axis"],
         "args": [ints([[[-2**31, 2**31 - 1], [2**31 - 3, -7]], [[4, 5], [6, 4]]], np.int32)],
         "kwargs": {"axis": -3}},
        {"name": "uint32-below-max", "public": False, "category": "integer dtype near its limits",
         "covers": ["integers-as-reals"],
         "args": [ints([[0, 2**31, 2**31 - 3], [10, 12, 11]], np.uint32)]},
        {"name": "int64-bound", "public": False, "category": "integer dtype near its limits",
         "covers": ["integers-as-reals"],
         "args": [ints([[-2**31, 2**31, 2**31 - 2], [5, 3, 4]], np.int64)]},
        {"name": "uint64-below-max", "public": False, "category": "integer dtype near its limits",
         "covers": ["integers-as-reals"],
         "args": [ints([[2**31, 0, 2**31], [7, 9, 8]], np.uint64)]},
        {"name": "uint64-single-element", "public": False, "category": "integer dtype near its limits",
         "covers": ["integers-as-reals", "single-element"],
         "args": [ints([[2**31], [0]], np.uint64)]},
        {"name": "int8-constant-column", "public": False, "category": "integer dtype near its limits",
         "covers": ["integers-as-reals", "constant-slice"],
         "args": [ints([[-128, 127], [-128, -128]], np.int8)], "kwargs": {"axis": 0}},
    ]
    return out


def draw_case(draw):
    """One input from the declared space: float64 or any integer dtype, 1 to 3 dimensions, any valid axis."""
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    dtype = np.dtype(draw(st.sampled_from(["float64", "int8", "int16", "int32", "int64",
                                           "uint8", "uint16", "uint32", "uint64"])))
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=4))
    if dtype.kind == "f":
        scale = draw(st.sampled_from([1.0, 1000.0, 1e4]))
        elements = st.one_of(st.sampled_from([0.0, 1000.0, -1000.0, -1e4, 800.5]),
                             st.integers(-64, 64).map(lambda v: v * scale / 64),  # ties
                             st.floats(-scale, scale, allow_nan=False, allow_infinity=False))
    else:
        info = np.iinfo(dtype)
        low, high = max(int(info.min), -2**31), min(int(info.max), 2**31)  # the statement's |x| <= 2^31
        special = [low, high, high - 1, 0, 1, 5]
        elements = st.one_of(st.sampled_from([v for v in special if low <= v <= high]),
                             st.integers(low, high))
    x = draw(hnp.arrays(dtype, shape, elements=elements))
    axis = draw(st.integers(-x.ndim, x.ndim - 1))
    return {"args": [x], "kwargs": {"axis": axis}}
