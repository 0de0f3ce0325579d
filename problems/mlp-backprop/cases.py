import numpy as np

INTEGER_DTYPES = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


def _net(rng, b, d, h, c, w_scale=1.0):
    return [rng.normal(size=(b, d)), rng.integers(0, c, b),
            rng.normal(0.0, w_scale / np.sqrt(d), (d, h)), rng.normal(0.0, 0.1, h),
            rng.normal(0.0, w_scale / np.sqrt(h), (h, c)), rng.normal(0.0, 0.1, c)]


def cases():
    rng = np.random.default_rng(20261205)
    out = [
        {"name": "example-tiny", "public": True,
         "args": [np.array([[1.0, 2.0], [-1.0, 0.5]]), np.array([0, 1]),
                  np.array([[0.5, -1.0, 0.25], [0.25, 0.5, -0.5]]), np.array([0.375, 0.5, 0.1]),
                  np.array([[1.0, -1.0], [0.5, 0.25], [-0.75, 1.0]]), np.array([0.1, -0.1])]},
    ]
    out.append({"name": "batch-of-one", "public": False, "category": "batch of one",
                "covers": ["batch-of-one"], "args": _net(rng, 1, 5, 7, 4)})
    # Small integers: X @ W1 + b1 is exact in any summation order, and many pre-activations are exactly 0.
    out.append({"name": "zero-preactivations", "public": False, "category": "relu kink at zero",
                "covers": ["relu-kink-zero"],
                "args": [rng.integers(-2, 3, (12, 4)).astype(np.float64), rng.integers(0, 3, 12),
                         rng.integers(-1, 2, (4, 6)).astype(np.float64),
                         rng.integers(-1, 2, 6).astype(np.float64),
                         rng.normal(size=(6, 3)), rng.normal(0.0, 0.1, 3)]})
    args = _net(rng, 16, 6, 10, 5, w_scale=1.0)
    args[4] = args[4] * 1000.0  # logits in the thousands; some targets sit > 800 below the max logit
    out.append({"name": "large-logits", "public": False, "category": "large logits",
                "covers": ["large-logits"], "args": args})
    args = _net(rng, 8, 3, 5, 3)
    args[0] = rng.integers(-5, 6, (8, 3))
    out.append({"name": "integer-inputs", "public": False, "category": "integer dtype",
                "covers": ["integer-inputs"], "args": args})
    args = _net(rng, 10, 4, 8, 3)
    args[1] = np.full(10, 2)
    out.append({"name": "single-target-class", "public": False, "category": "single target class", "args": args})
    args = _net(rng, 6, 4, 5, 3)
    args[3] = np.full(5, -50.0)  # every hidden unit dead: dW1 and db1 are exactly zero
    out.append({"name": "all-units-dead", "public": False, "category": "dead units",
                "covers": ["dead-units"], "args": args})
    out.append({"name": "one-hidden-unit", "public": False, "category": "two classes",
                "covers": ["two-classes"], "args": _net(rng, 9, 3, 1, 2)})
    out.append({"name": "ten-classes", "public": False, "category": "random inputs", "args": _net(rng, 64, 20, 32, 10)})
    out.append({"name": "large-batch", "public": False, "category": "large input", "args": _net(rng, 512, 64, 128, 10)})
    # Every integer dtype for X (values near the dtype's limits, capped at 2**40) and for y. Row 0 holds
    # M and M - 1 in its first two columns and hidden unit 0 computes s * (x0 - x1) with s a power of two, so
    # its pre-activation is exactly s > 0 (tiny: about 1 / M): a tolerance at the kink, or float32 inputs
    # (which round M and M - 1 to the same value for 32- and 64-bit dtypes), kill the unit there.
    shapes = {"int8": (6, 4, 5, 3), "int16": (1, 3, 4, 2), "int32": (7, 3, 4, 3), "int64": (5, 4, 3, 4),
              "uint8": (6, 2, 4, 2), "uint16": (4, 5, 3, 3), "uint32": (6, 3, 5, 3), "uint64": (5, 3, 4, 2)}
    for i, xdt in enumerate(INTEGER_DTYPES):
        ydt = INTEGER_DTYPES[(i + 4) % 8]
        b, d, h, c = shapes[xdt]
        covers = ["integer-inputs", "relu-kink-zero"] + (["batch-of-one"] if b == 1 else []) + \
            (["two-classes"] if c == 2 else [])
        out.append({"name": f"x-{xdt}-y-{ydt}", "public": False, "category": "integer dtype near limits",
                    "covers": covers,
                    "args": _integer_net(rng, xdt, ydt, b, d, h, c)})
    # Tiny positive pre-activations next to exact zeros: integer X @ W1 plus biases 0 or +-2**-30 (exact in
    # float64 in any summation order). Code that decides the kink with a tolerance (np.isclose, z > 1e-8)
    # drops the gradient of the 2**-30 units.
    X = rng.integers(-2, 3, (10, 4)).astype(np.float64)
    X[:, 0] = 0.0  # column 0 of X is zero and W1 row 0 is zero: some units see exactly their bias
    W1 = rng.integers(-1, 2, (4, 6)).astype(np.float64)
    W1[1:, :3] = 0.0  # units 0-2 compute exactly their bias for every sample
    b1 = np.array([2.0**-30, 0.0, -(2.0**-30), 2.0**-30, 0.0, 2.0**-30])
    out.append({"name": "tiny-positive-preactivations", "public": False, "category": "tiny positive pre-activations",
                "covers": ["relu-kink-zero"],
                "args": [X, rng.integers(0, 3, 10), W1, b1, rng.normal(size=(6, 3)), rng.normal(0.0, 0.1, 3)]})
    # Found by `grader mine` (minimal inputs that separate a wrong solution from the reference).
    out += [
        # z1[1] = 2**-31 * 2**31 - 2**-31 * (2**31 - 1) = 2**-31 > 0; in float32, 2**31 - 1 becomes 2**31 and z1 = 0
        {"name": "mined-int32-float32-kills-unit", "public": False, "category": "tiny positive pre-activations",
         "covers": ["integer-inputs", "relu-kink-zero"],
         "args": [np.array([[0, 2147483647], [-2147483648, 2147483647]], dtype=np.int32),
                  np.array([0, 0], dtype=np.int8), np.array([[-(2.0**-31)], [-(2.0**-31)]]), np.array([0.0]),
                  np.array([[0.0, 0.265625]]), np.array([0.0, 0.0])]},
        # one sample whose only pre-activation is its bias 2**-30: it passes gradient
        {"name": "mined-bias-2-pow-minus-30", "public": False, "category": "tiny positive pre-activations",
         "covers": ["relu-kink-zero", "batch-of-one"],
         "args": [np.array([[0.0]]), np.array([0], dtype=np.int8), np.array([[0.0]]), np.array([2.0**-30]),
                  np.array([[0.0, 0.265625]]), np.array([0.0, 0.0])]},
    ]
    return out


def _integer_net(rng, xdt, ydt, b, d, h, c):
    info = np.iinfo(xdt)
    top = min(int(info.max), 2**40)
    mag = rng.integers(int(top * 0.85), top, size=(b, d), endpoint=True)
    X = mag * rng.choice([-1, 1], size=(b, d)) if info.min < 0 else mag
    big = top >= 2**24
    # M and M - 1 round to the same float32 for the 32- and 64-bit dtypes: M is a multiple of a float32 ulp
    M = (top >> 9) << 9 if big else top
    X[0, 0], X[0, 1] = M, M - 1
    X = X.astype(xdt)
    s = 2.0 ** -top.bit_length()
    W1 = rng.normal(0.0, 1.0, (d, h)) * s / np.sqrt(d)
    W1[:, 0] = 0.0
    W1[0, 0], W1[1, 0] = s, -s
    b1 = rng.normal(0.0, 0.1, h)
    b1[0] = 0.0
    y = rng.integers(0, c, b).astype(ydt)
    return [X, y, W1, b1, rng.normal(0.0, 1.0 / np.sqrt(h), (h, c)), rng.normal(0.0, 0.1, c)]


def draw_case(draw):
    """One input from the declared space: X float64 or any integer dtype (small, or near the dtype's limits
    with the first layer scaled down), y of any integer dtype, float64 parameters. Values are dyadic (small
    integers times powers of two) so that pre-activations are exact: exact zeros and tiny positive
    pre-activations (+-2**-30 biases) are common, and logit scales reach the thousands."""
    import hypothesis.strategies as st
    import hypothesis.extra.numpy as hnp

    b, d, h, c = draw(st.integers(1, 6)), draw(st.integers(1, 4)), draw(st.integers(1, 5)), draw(st.integers(2, 4))
    xdt = np.dtype(draw(st.sampled_from(("float64",) + INTEGER_DTYPES)))
    ydt = np.dtype(draw(st.sampled_from(INTEGER_DTYPES)))
    if xdt.kind == "f":
        X = draw(hnp.arrays(np.int64, (b, d), elements=st.integers(-4, 4))).astype(np.float64)
        x_scale = 1.0
    else:
        info = np.iinfo(xdt)
        lo, hi = max(int(info.min), -2**40), min(int(info.max), 2**40)
        if draw(st.booleans()):
            X = draw(hnp.arrays(xdt, (b, d), elements=st.integers(max(lo, -4), min(hi, 4))))
            x_scale = 1.0
        else:
            X = draw(hnp.arrays(xdt, (b, d), elements=st.one_of(st.integers(lo, hi), st.sampled_from([lo, hi]))))
            x_scale = 2.0 ** -hi.bit_length()
    # W1 = small integers * x_scale: X @ W1 is an exact multiple of x_scale (|sum| < 2**53 * x_scale)
    W1 = draw(hnp.arrays(np.int64, (d, h), elements=st.integers(-2, 2))).astype(np.float64) * x_scale
    b1 = np.array(draw(st.lists(st.sampled_from([0.0, 2.0**-30, -(2.0**-30), 0.5, -0.5, 1.0]),
                                min_size=h, max_size=h)))
    w2_scale = draw(st.sampled_from([1.0, 1.0, 64.0, 1024.0]))
    # + 17 * column: no row of W2 is constant, else dz1 = g @ W2.T cancels to float noise that huge X
    # inputs blow up past atol (a constant row is invisible to the softmax in exact arithmetic)
    W2 = draw(hnp.arrays(np.int64, (h, c), elements=st.integers(-8, 8))) + 17 * np.arange(c)
    W2 = W2.astype(np.float64) / 64.0 * w2_scale
    b2 = draw(hnp.arrays(np.int64, (c,), elements=st.integers(-8, 8))).astype(np.float64) / 8.0
    y = draw(hnp.arrays(ydt, (b,), elements=st.integers(0, c - 1)))
    return {"args": [X, y, W1, b1, W2, b2], "kwargs": {}}
