import numpy as np

INTEGER_DTYPES = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
DTYPES = ("float64",) + INTEGER_DTYPES


def _case(rng, name, n, c_in, h, w, c_out, kh, kw, stride=1, padding=0, covers=(), category=""):
    kwargs = {}
    if stride != 1:
        kwargs["stride"] = stride
    if padding != 0:
        kwargs["padding"] = padding
    return {"name": name, "public": False, "category": category, "covers": list(covers),
            "args": [rng.normal(size=(n, c_in, h, w)), rng.normal(size=(c_out, c_in, kh, kw)),
                     rng.normal(size=c_out)], "kwargs": kwargs}


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
    rng = np.random.default_rng(20261203)
    out = [
        {"name": "example-3x3-2x2", "public": True,
         "args": [np.arange(9.0).reshape(1, 1, 3, 3), np.array([[[[1.0, 2.0], [0.0, -1.0]]]]), np.array([0.5])]},
        {"name": "example-stride2-pad1", "public": True,
         "args": [np.arange(16.0).reshape(1, 1, 4, 4), np.ones((1, 1, 3, 3)), np.array([0.0])],
         "kwargs": {"stride": 2, "padding": 1}},
        _case(rng, "multichannel-nonsquare", 2, 3, 5, 7, 4, 2, 3, covers=["non-square"], category="non-square shapes"),
        _case(rng, "stride2-pad1-nonsquare", 2, 2, 7, 6, 3, 3, 3, stride=2, padding=1,
              covers=["non-square", "stride-both-axes", "stride-remainder", "padding-all-sides"],
              category="stride and padding"),
        _case(rng, "stride3-remainder", 1, 2, 8, 10, 2, 3, 2, stride=3,
              covers=["stride-remainder", "stride-both-axes", "non-square"], category="stride leaves a remainder"),
        _case(rng, "tall-kernel-pad2", 3, 1, 6, 5, 2, 5, 1, padding=2, covers=["padding-all-sides", "non-square"],
              category="padding on all sides"),
        _case(rng, "pointwise-1x1-stride2", 2, 4, 5, 5, 3, 1, 1, stride=2, covers=["stride-both-axes"],
              category="stride on both axes"),
        _case(rng, "kernel-covers-input", 2, 3, 4, 3, 5, 4, 3, covers=["single-output-position"],
              category="single output position"),
        _case(rng, "kernel-larger-than-input-padded", 1, 2, 2, 2, 2, 3, 3, padding=1,
              covers=["kernel-larger-than-input", "padding-all-sides"], category="kernel larger than the input"),
        _case(rng, "pad3-stride2-asymmetric-kernel", 2, 3, 9, 4, 2, 2, 4, stride=2, padding=3,
              covers=["padding-all-sides", "stride-remainder", "non-square"], category="stride and padding"),
        {"name": "integers", "public": False, "category": "integer dtype", "covers": ["integer-dtypes"],
         "args": [rng.integers(-5, 6, size=(2, 2, 5, 6)), rng.integers(-3, 4, size=(3, 2, 3, 2)),
                  rng.integers(-2, 3, size=3)], "kwargs": {"padding": 1}},
        _case(rng, "large-4x16x32x32-k5", 4, 16, 32, 32, 32, 5, 5, padding=2, category="large input"),
    ]
    # One case per integer dtype, every array of that dtype, values near the dtype's limits: computing in
    # the input dtype wraps around; widening to int64 still wraps for int64/uint32/uint64 products.
    geometry = {  # x shape, w shape, stride, padding, edges
        "int8": ((1, 2, 4, 5), (2, 2, 2, 3), 1, 0, ["non-square"]),
        "int16": ((2, 1, 5, 4), (1, 1, 3, 3), 2, 1, ["stride-remainder", "padding-all-sides"]),
        "int32": ((1, 2, 3, 3), (3, 2, 2, 2), 1, 0, []),
        "int64": ((1, 1, 4, 4), (2, 1, 3, 2), 2, 1, ["padding-all-sides", "stride-both-axes"]),
        "uint8": ((2, 3, 3, 4), (2, 3, 2, 2), 1, 0, []),
        "uint16": ((1, 2, 2, 3), (1, 2, 3, 3), 1, 1, ["kernel-larger-than-input"]),
        "uint32": ((1, 1, 5, 5), (2, 1, 2, 2), 3, 0, ["stride-remainder"]),
        "uint64": ((1, 2, 3, 2), (1, 2, 3, 2), 1, 0, ["single-output-position"]),
    }
    for dt in INTEGER_DTYPES:
        xs, ws, s, p, edges = geometry[dt]
        kwargs = {"stride": s, "padding": p}
        out.append({"name": f"{dt}-near-limits", "public": False, "category": "integer overflow",
                    "covers": ["integer-dtypes"] + edges,
                    "args": [_near_limits(rng, dt, xs), _near_limits(rng, dt, ws), _near_limits(rng, dt, ws[:1])],
                    "kwargs": kwargs})
    # uint8 images (the usual image dtype) with negative int8 kernels: NumPy promotes to int16, and a sum of
    # 2 * 3 * 3 products of about -30000 wraps around; the bias is float64.
    out.append({"name": "uint8-image-int8-kernel", "public": False, "category": "mixed dtypes",
                "covers": ["integer-dtypes"],
                "args": [rng.integers(200, 256, size=(1, 2, 4, 4)).astype(np.uint8),
                         rng.integers(-128, -99, size=(2, 2, 3, 3)).astype(np.int8), np.array([0.5, -2.0])],
                "kwargs": {"padding": 1}})
    # Mixed the other way: float64 image, uint64 kernel beyond 2**32, int16 bias.
    out.append({"name": "float64-image-uint64-kernel", "public": False, "category": "mixed dtypes",
                "covers": ["integer-dtypes"],
                "args": [np.array([[[[0.5, -1.25, 3.0], [-2.0, 0.0, 0.75]]]]),
                         _near_limits(rng, "uint64", (2, 1, 2, 2)), _near_limits(rng, "int16", (2,))], "kwargs": {}})
    # Found by `grader mine` (minimal inputs that separate a wrong solution from the reference).
    out += [
        # int8: (-1) * (-128) = 128 wraps to -128 in int8
        {"name": "mined-int8-product-wraps", "public": False, "category": "integer overflow",
         "covers": ["integer-dtypes"],
         "args": [np.array([[[[-1]]]], dtype=np.int8), np.array([[[[-128]]]], dtype=np.int8), np.array([0.0])],
         "kwargs": {"stride": 1, "padding": 0}},
        # int64: 2**23 * 2**40 = 2**63 is one past the int64 maximum
        {"name": "mined-int64-product-2-pow-63", "public": False, "category": "integer overflow",
         "covers": ["integer-dtypes"],
         "args": [np.array([[[[8388608]]]], dtype=np.int64), np.array([[[[1099511627776]]]], dtype=np.int64),
                  np.array([0], dtype=np.int64)], "kwargs": {"stride": 1, "padding": 0}},
        # 1x1 image, padding 1, stride 3: (1 + 2 - 1) // 3 + 1 = 1 output position, not ceil(2 / 3) + 1 = 2
        {"name": "mined-stride3-pad1-single-pixel", "public": False, "category": "single output position",
         "covers": ["stride-remainder", "single-output-position", "padding-all-sides"],
         "args": [np.array([[[[0.5]]]]), np.array([[[[2.0]]]]), np.array([0.25])],
         "kwargs": {"stride": 3, "padding": 1}},
    ]
    return out


def draw_case(draw):
    """One input from the declared space: any allowed dtype per array (often one for all three), small
    shapes with every H + 2p >= kH, strides 1-3 and paddings 0-2, integers small or near the dtype's limits
    (capped at 2**40).

    Values are m * 2**e with |m| <= 2**16 and one e per array, so the products of x and w share one scale
    and every sum of products is exact in float64: no draw depends on the summation order."""
    import hypothesis.strategies as st
    import hypothesis.extra.numpy as hnp

    n, c_in, c_out = draw(st.integers(1, 2)), draw(st.integers(1, 3)), draw(st.integers(1, 3))
    kh, kw = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    stride, padding = draw(st.integers(1, 3)), draw(st.integers(0, 2))
    h = draw(st.integers(max(1, kh - 2 * padding), max(1, kh - 2 * padding) + 5))
    w = draw(st.integers(max(1, kw - 2 * padding), max(1, kw - 2 * padding) + 5))
    shared = draw(st.one_of(st.none(), st.sampled_from(DTYPES)))

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

    args = [array((n, c_in, h, w)), array((c_out, c_in, kh, kw)), array((c_out,))]
    return {"args": args, "kwargs": {"stride": stride, "padding": padding}}
