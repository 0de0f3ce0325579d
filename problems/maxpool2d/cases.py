import numpy as np

INTEGER_DTYPES = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


def _out_size(size, k, s):
    return (size - k) // s + 1


def _case(rng, name, x, k, s, *, category, covers=()):
    n, c, h, w = x.shape
    dout = rng.normal(size=(n, c, _out_size(h, k, s), _out_size(w, k, s)))
    return {"name": name, "public": False, "category": category, "covers": list(covers),
            "args": [x, dout, k, s]}


def _near_limits(rng, dtype, shape):
    """Each channel holds values within 3 of a large magnitude M (capped at 2**40), negative for half the
    channels of a signed dtype. For 32- and 64-bit dtypes M is a multiple of a float32 ulp, so M - 3 ... M
    all round to the same float32: code that compares in float32 sees a tie where there is none."""
    info = np.iinfo(dtype)
    top = min(int(info.max), 2**40)
    if top >= 2**24:
        top = (top >> 16) << 16
    offsets = rng.integers(0, 4, size=shape)
    x = top - offsets
    if info.min < 0:
        sign = rng.choice([-1, 1], size=shape[:2])[:, :, None, None]
        x = x * sign
    return x.astype(dtype)


def cases():
    rng = np.random.default_rng(20261302)
    out = [
        {"name": "example-k2-s2-tie", "public": True,
         "args": [np.array([[[[1.0, 3.0, 2.0, 2.0], [0.0, -1.0, 2.0, 1.0],
                              [5.0, 4.0, 0.0, 0.0], [4.0, 5.0, 0.0, -2.0]]]]),
                  np.array([[[[1.0, 2.0], [3.0, 4.0]]]]), 2, 2]},
        {"name": "example-overlap-k2-s1", "public": True,
         "args": [np.array([[[[1.0, 2.0, 0.0], [0.0, 9.0, 3.0], [1.0, 0.0, 4.0]]]]),
                  np.array([[[[0.5, 1.0], [2.0, -1.0]]]]), 2, 1]},
        _case(rng, "random-k2-s2", rng.normal(size=(2, 3, 6, 8)), 2, 2, category="random inputs",
              covers=["non-square"]),
        _case(rng, "random-k3-s3", rng.normal(size=(1, 2, 9, 9)), 3, 3, category="random inputs"),
        _case(rng, "random-k3-s2-overlap", rng.normal(size=(2, 2, 7, 9)), 3, 2, category="overlapping windows",
              covers=["overlapping-windows", "non-square"]),
        _case(rng, "random-k2-s1-overlap", rng.normal(size=(2, 3, 5, 5)), 2, 1, category="overlapping windows",
              covers=["overlapping-windows"]),
        # Small integers stored as floats: many exact ties, in overlapping windows too.
        _case(rng, "ties-small-integers", rng.integers(0, 3, size=(2, 2, 6, 7)).astype(np.float64), 3, 1,
              category="ties", covers=["ties-first", "overlapping-windows", "non-square"]),
        _case(rng, "ties-constant", np.full((1, 2, 4, 6), 1.5), 2, 2, category="ties",
              covers=["ties-first", "non-square"]),
        _case(rng, "ties-binary-k2-s2", rng.integers(0, 2, size=(3, 2, 8, 8)).astype(np.float64), 2, 2,
              category="ties", covers=["ties-first"]),
        _case(rng, "stride-beyond-kernel", rng.normal(size=(2, 2, 8, 7)), 2, 3, category="uncovered positions",
              covers=["uncovered-positions", "non-square"]),
        _case(rng, "stride-remainder", rng.normal(size=(1, 3, 8, 10)), 3, 2, category="uncovered positions",
              covers=["uncovered-positions", "overlapping-windows", "non-square"]),
        _case(rng, "all-negative", -np.abs(rng.normal(size=(2, 2, 6, 6))) - 1.0, 2, 2, category="negative values",
              covers=["negative-values"]),
        _case(rng, "all-negative-overlap", -rng.integers(1, 4, size=(1, 2, 5, 6)).astype(np.float64), 3, 1,
              category="negative values", covers=["negative-values", "ties-first", "overlapping-windows"]),
        _case(rng, "global-window", rng.normal(size=(3, 4, 5, 5)), 5, 1, category="one window per channel",
              covers=["single-window"]),
        _case(rng, "global-window-ties", rng.integers(-2, 1, size=(2, 2, 3, 3)).astype(np.float64), 3, 2,
              category="one window per channel", covers=["single-window", "ties-first", "negative-values"]),
        _case(rng, "kernel-one", rng.normal(size=(1, 2, 3, 4)), 1, 1, category="random inputs",
              covers=["non-square"]),
        _case(rng, "large-input", rng.normal(size=(4, 8, 48, 48)), 3, 2, category="large input",
              covers=["overlapping-windows", "uncovered-positions"]),
    ]
    geometry = {"int8": ((2, 2, 5, 6), 2, 1), "int16": ((1, 3, 6, 6), 3, 2), "int32": ((2, 2, 6, 7), 2, 2),
                "int64": ((1, 2, 7, 7), 3, 2), "uint8": ((2, 1, 6, 5), 2, 2), "uint16": ((1, 2, 5, 5), 3, 1),
                "uint32": ((2, 2, 6, 6), 3, 3), "uint64": ((1, 3, 6, 8), 2, 2)}
    for dt in INTEGER_DTYPES:
        shape, k, s = geometry[dt]
        covers = ["integer-dtypes", "ties-first"]
        covers += ["overlapping-windows"] if s < k else []
        covers += ["negative-values"] if dt.startswith("int") else []
        covers += ["non-square"] if shape[2] != shape[3] else []
        covers += ["uncovered-positions"] if (shape[2] - k) % s or (shape[3] - k) % s or s > k else []
        out.append(_case(rng, f"{dt}-near-limits", _near_limits(rng, dt, shape), k, s, category="integer dtype",
                         covers=covers))
    # uint8 images with negative gradients: a gradient array of x's dtype cannot even hold them.
    out.append(_case(rng, "uint8-image", rng.integers(0, 256, size=(2, 3, 8, 8)).astype(np.uint8), 2, 2,
                     category="integer dtype", covers=["integer-dtypes", "ties-first"]))
    # The dtype's own extremes: -128 in int8 and 0 in uint8 are their own negation, so code taking the max as
    # the argmin of -x (or a min-pool of -x) picks them.
    erng = np.random.default_rng(20261313)
    out.append(_case(erng, "int8-extremes", erng.choice(np.array([-128, -127, -1, 0, 1, 126, 127], dtype=np.int8),
                                                        size=(1, 2, 6, 6)), 2, 2,
                     category="integer dtype", covers=["integer-dtypes", "negative-values", "ties-first"]))
    out.append(_case(erng, "uint8-zeros", erng.choice(np.array([0, 0, 1, 128, 254, 255], dtype=np.uint8),
                                                      size=(1, 2, 6, 6)), 3, 3,
                     category="integer dtype", covers=["integer-dtypes", "ties-first"]))
    return out


def draw_case(draw):
    """One input from the declared space: small shapes with kernel <= H, W; strides 1-3; values from a small
    set (many ties) or near an integer dtype's limits."""
    import hypothesis.strategies as st
    import hypothesis.extra.numpy as hnp

    k, s = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    n, c = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    h, w = draw(st.integers(k, k + 4)), draw(st.integers(k, k + 4))
    dtype = np.dtype(draw(st.sampled_from(("float64",) + INTEGER_DTYPES)))
    if dtype.kind == "f":
        x = draw(hnp.arrays(np.int64, (n, c, h, w), elements=st.integers(-3, 3))).astype(np.float64)
    else:
        info = np.iinfo(dtype)
        lo, hi = max(int(info.min), -2**40), min(int(info.max), 2**40)
        base = draw(st.sampled_from(sorted({lo, max(lo, 0), hi - 3})))
        x = (base + draw(hnp.arrays(np.int64, (n, c, h, w), elements=st.integers(0, 3)))).astype(dtype)
    dout = draw(hnp.arrays(np.int64, (n, c, (h - k) // s + 1, (w - k) // s + 1),
                           elements=st.integers(-8, 8))).astype(np.float64) / 4.0
    return {"args": [x, dout, k, s], "kwargs": {}}
