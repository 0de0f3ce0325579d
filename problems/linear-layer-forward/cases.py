import numpy as np

INTEGER_DTYPES = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
DTYPES = ("float64",) + INTEGER_DTYPES


def _near_limits(rng, dtype, shape, cap=2**40):
    """Integers in the top 15% of the dtype's magnitude (capped at 2**40, exact in float64), both signs for
    signed dtypes: products and sums wrap around in the dtype itself (and in int64 for 64-bit inputs)."""
    info = np.iinfo(dtype)
    top = min(int(info.max), cap)
    mag = rng.integers(int(top * 0.85), top, size=shape, endpoint=True)
    if info.min < 0:
        mag = mag * rng.choice([-1, 1], size=shape)
    return mag.astype(dtype)


def cases():
    rng = np.random.default_rng(20261202)

    def gauss(*shape, scale=1.0):
        return rng.normal(0.0, scale, shape)

    W_ex = np.array([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]])
    b_ex = np.array([0.1, -1.0])
    out = [
        {"name": "example-2d", "public": True,
         "args": [np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 0.5]]), W_ex, b_ex]},
        {"name": "example-3d-batch", "public": True,
         "args": [np.array([[[1.0, 2.0, 3.0]], [[2.0, 0.0, 0.0]]]), W_ex, b_ex]},
        {"name": "single-vector-1d", "public": False, "category": "one-dimensional input",
         "covers": ["one-dimensional-x", "in-differs-from-out"],
         "args": [gauss(4), gauss(3, 4), gauss(3)]},
        {"name": "single-row-2d", "public": False, "category": "single row",
         "args": [gauss(1, 4), gauss(3, 4), gauss(3)]},
        {"name": "square-6x6", "public": False, "category": "square weights",
         "args": [gauss(5, 6), gauss(6, 6), gauss(6)]},
        {"name": "batch-equals-out", "public": False, "category": "batch size equals out",
         "args": [gauss(3, 5), gauss(3, 5), gauss(3) + 5.0]},
        {"name": "batched-3d", "public": False, "category": "several leading dimensions",
         "covers": ["many-leading-dims"],
         "args": [gauss(4, 7, 5), gauss(3, 5), gauss(3)]},
        {"name": "batched-4d", "public": False, "category": "several leading dimensions",
         "covers": ["many-leading-dims"],
         "args": [gauss(2, 3, 4, 6), gauss(5, 6), gauss(5)]},
        {"name": "one-output", "public": False, "category": "single feature", "covers": ["single-feature"],
         "args": [gauss(8, 3), gauss(1, 3), np.array([2.5])]},
        {"name": "one-input-feature", "public": False, "category": "single feature", "covers": ["single-feature"],
         "args": [gauss(6, 1), gauss(4, 1), gauss(4)]},
        {"name": "empty-batch", "public": False, "category": "empty batch", "covers": ["empty-batch"],
         "args": [np.zeros((0, 4)), gauss(3, 4), gauss(3)]},
        {"name": "integers", "public": False, "category": "integer dtype", "covers": ["integer-dtypes"],
         "args": [rng.integers(-9, 10, size=(5, 4)), rng.integers(-3, 4, size=(2, 4)),
                  rng.integers(-5, 6, size=2)]},
        {"name": "large-2000x64-to-128", "public": False, "category": "large input",
         "args": [gauss(2000, 64), gauss(128, 64, scale=0.125), gauss(128)]},
    ]
    # One case per integer dtype, every array of that dtype, values near the dtype's limits: computing in
    # the input dtype wraps around; widening to int64 still wraps for int64/uint32/uint64 products.
    shapes = {"int8": (5, 4), "int16": (2, 3, 4), "int32": (4, 3), "int64": (3, 5), "uint8": (6, 3),
              "uint16": (5,), "uint32": (3, 4), "uint64": (2, 2, 3)}
    n_out = {"int8": 3, "int16": 2, "int32": 5, "int64": 2, "uint8": 2, "uint16": 3, "uint32": 1, "uint64": 4}
    for dt in INTEGER_DTYPES:
        shape, o = shapes[dt], n_out[dt]
        covers = ["integer-dtypes"]
        if len(shape) == 1:
            covers.append("one-dimensional-x")
        if len(shape) > 2:
            covers.append("many-leading-dims")
        if o == 1:
            covers.append("single-feature")
        out.append({"name": f"{dt}-near-limits", "public": False, "category": "integer overflow", "covers": covers,
                    "args": [_near_limits(rng, dt, shape), _near_limits(rng, dt, (o, shape[-1])),
                             _near_limits(rng, dt, (o,))]})
    # Mixed dtypes: uint8 inputs times negative int8 weights promote to int16 in NumPy, and a sum of six
    # products of about -32000 wraps around; the bias is float64.
    out.append({"name": "mixed-uint8-int8-float64", "public": False, "category": "mixed dtypes",
                "covers": ["integer-dtypes"],
                "args": [rng.integers(200, 256, size=(4, 6)).astype(np.uint8),
                         rng.integers(-128, -99, size=(3, 6)).astype(np.int8), np.array([0.5, -0.25, 1e3])]})
    # Mixed the other way: float64 inputs, uint64 weights beyond 2**32, int16 bias.
    out.append({"name": "mixed-float64-uint64-int16", "public": False, "category": "mixed dtypes",
                "covers": ["integer-dtypes"],
                "args": [np.array([[0.5, -1.25, 3.0], [-2.0, 0.0, 0.75]]),
                         _near_limits(rng, "uint64", (2, 3)), _near_limits(rng, "int16", (2,))]})
    # An empty batch inside a 3-D integer X.
    out.append({"name": "empty-middle-batch-int16", "public": False, "category": "empty batch",
                "covers": ["empty-batch", "many-leading-dims", "integer-dtypes"],
                "args": [np.zeros((2, 0, 3), dtype=np.int16), _near_limits(rng, "int16", (4, 3)),
                         _near_limits(rng, "int16", (4,))]})
    # float64 values that float32 cannot hold: 4096 + 2**-12 rounds to 4096 in float32, and the row cancels.
    out.append({"name": "float32-is-not-enough", "public": False, "category": "double precision needed",
                "covers": ["in-differs-from-out"],
                "args": [np.array([[4096.0 + 2.0**-12, -4096.0, 0.0], [0.5, 0.25, -1.0]]),
                         np.array([[1.0, 1.0, 0.0], [1.0, -1.0, 2.0]]), np.array([0.0, 0.0])]})
    # Found by `grader mine` (minimal inputs that separate a wrong solution from the reference).
    out += [
        # int8: (-1) * (-128) = 128 wraps to -128 in int8
        {"name": "mined-int8-product-wraps", "public": False, "category": "integer overflow",
         "covers": ["integer-dtypes", "one-dimensional-x"],
         "args": [np.array([-1], dtype=np.int8), np.array([[-128]], dtype=np.int8), np.array([0], dtype=np.int8)]},
        # int64 x int32: the exact product, about 1.8e19, is beyond int64
        {"name": "mined-int64-times-int32", "public": False, "category": "integer overflow",
         "covers": ["integer-dtypes", "one-dimensional-x"],
         "args": [np.array([-8589803520], dtype=np.int64), np.array([[-2147483648]], dtype=np.int32),
                  np.array([0.0], dtype=np.float64)]},
        # int16 inputs near the limits: float32 rounding of products around 1.5e6 is off by 2 (> rtol)
        {"name": "mined-int16-float32-rounding", "public": False, "category": "double precision needed",
         "covers": ["integer-dtypes", "many-leading-dims", "in-differs-from-out"],
         "args": [np.array([[[[0, 129, 3], [17592, 19735, 19735]]], [[[19735, 19735, 19735], [19735, 19735, 2000]]]],
                           dtype=np.int16),
                  np.array([[90, 32766, -32768], [32766, -32768, -32767]], dtype=np.int16),
                  np.array([7, 4], dtype=np.uint8)]},
    ]
    return out


def draw_case(draw):
    """One input from the declared space: any of the allowed dtypes per array, 0-3 leading dimensions
    (possibly empty), integers that are small or near the dtype's limits (capped at 2**40).

    Values are m * 2**e with |m| <= 2**16 and one e per array, so the products of X and W share one scale
    and every sum of products is exact in float64: no draw depends on the summation order."""
    import hypothesis.strategies as st
    import hypothesis.extra.numpy as hnp

    n_in = draw(st.integers(1, 4))
    n_out = draw(st.integers(1, 4))
    lead = tuple(draw(st.lists(st.integers(0, 3), max_size=3)))
    shared = draw(st.one_of(st.none(), st.sampled_from(DTYPES)))   # often one dtype for all three

    def array(shape):
        dtype = np.dtype(shared or draw(st.sampled_from(DTYPES)))
        if dtype.kind == "f":
            m = draw(hnp.arrays(np.int64, shape, elements=st.integers(-2**16, 2**16)))
            return m.astype(np.float64) * 2.0 ** draw(st.integers(-8, 8))
        info = np.iinfo(dtype)
        lo, hi = max(int(info.min), -2**40), min(int(info.max), 2**40)
        e = draw(st.integers(0, max(0, hi.bit_length() - 16)))
        m_lo, m_hi = max(-((-lo) >> e), -2**16), min(hi >> e, 2**16)
        small = st.integers(max(m_lo, -8), min(m_hi, 8))
        edge = st.one_of(st.integers(m_lo, m_hi), st.sampled_from([m_lo, m_hi, m_hi - 1, m_lo + 1]))
        m = draw(hnp.arrays(np.int64, shape, elements=draw(st.sampled_from([small, edge]))))
        return (m << e).astype(dtype) if e else m.astype(dtype)

    return {"args": [array(lead + (n_in,)), array((n_out, n_in)), array((n_out,))], "kwargs": {}}
