import numpy as np

INTEGER_DTYPES = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


def _case(name, logits, k, p, *, category, covers=()):
    return {"name": name, "public": False, "category": category, "covers": list(covers),
            "args": [logits, k, float(p)]}


def _integer_logits(rng, dtype, shape):
    """Per row, a cluster of values within 6 of the dtype's top (capped at 2**40) and the rest at the other
    end of the range: x - max computed in the dtype itself wraps around (int8: -128 - 127 == 1; uint8:
    0 - 255 == 1), and distances in the cluster are small enough that several tokens matter."""
    info = np.iinfo(dtype)
    top, bottom = min(int(info.max), 2**40), max(int(info.min), -2**40)
    near = top - rng.integers(0, 7, size=shape)
    far = bottom + rng.integers(0, 7, size=shape)
    x = np.where(rng.random(shape) < 0.5, near, far)
    x[:, 0] = top  # every row has a token in the top cluster
    return x.astype(dtype)


def cases():
    rng = np.random.default_rng(20261304)
    tied_small = rng.integers(-2, 3, size=(6, 20)).astype(np.float64)
    nucleus_ties = np.array([[2.0, 1.0, 1.0, 1.0, 0.0, -1.0, 1.0, 0.0],
                             [0.0, 0.0, 0.0, 0.0, 3.0, -5.0, 0.0, 0.0],
                             [1.5, 1.5, 1.5, 0.5, 0.5, 0.5, 0.5, -3.0]])
    dominant = rng.normal(size=(5, 40))
    dominant[np.arange(5), rng.integers(0, 40, 5)] = 8.0  # one token holds > 99% of the mass
    very_negative = -10000.0 + rng.normal(0.0, 2.0, size=(3, 25))
    out = [
        {"name": "example-batch", "public": True,
         "args": [np.array([[3.0, 1.0, 1.0, 0.0, -2.0], [0.5, 2.0, -1.0, 2.0, 1.5]]), 3, 0.7]},
        {"name": "example-int8", "public": True,
         "args": [np.array([[127, -128, 125, 126]], dtype=np.int8), 4, 0.9]},
        _case("random-k10-p09", rng.normal(0.0, 2.0, size=(8, 50)), 10, 0.9, category="random logits"),
        _case("random-k3-p05", rng.normal(0.0, 1.0, size=(8, 30)), 3, 0.5, category="random logits"),
        _case("random-float32", rng.normal(0.0, 2.0, size=(4, 30)).astype(np.float32), 8, 0.7,
              category="random logits"),
        _case("random-k-large-p-small", rng.normal(0.0, 0.5, size=(6, 40)), 25, 0.3, category="random logits"),
        _case("ties-at-kth-logit", tied_small, 5, 0.95, category="ties at the k-th logit", covers=["k-ties"]),
        _case("ties-k-one", tied_small[:, ::-1].copy(), 1, 0.6, category="ties at the k-th logit",
              covers=["k-ties", "nucleus-ties"]),
        _case("ties-float32", rng.integers(-3, 4, size=(5, 16)).astype(np.float32), 4, 0.8,
              category="ties at the k-th logit", covers=["k-ties", "nucleus-ties"]),
        _case("nucleus-tie-group", nucleus_ties, 8, 0.6, category="ties in the nucleus",
              covers=["nucleus-ties", "k-covers-vocab"]),
        _case("nucleus-tie-group-p07", nucleus_ties, 6, 0.75, category="ties in the nucleus",
              covers=["nucleus-ties", "k-ties"]),
        _case("k-beyond-vocab", rng.normal(0.0, 1.5, size=(4, 20)), 100, 0.85, category="k covers the vocabulary",
              covers=["k-covers-vocab"]),
        _case("k-equals-vocab", rng.normal(0.0, 1.5, size=(3, 12)), 12, 0.6, category="k covers the vocabulary",
              covers=["k-covers-vocab"]),
        _case("dominant-token", dominant, 10, 0.5, category="top token alone reaches p", covers=["top-token-kept"]),
        _case("tiny-p", rng.normal(0.0, 1.0, size=(4, 15)), 5, 0.01, category="top token alone reaches p",
              covers=["top-token-kept"]),
        _case("p-one", rng.normal(0.0, 2.0, size=(4, 30)), 12, 1.0, category="p at its maximum", covers=["p-one"]),
        _case("p-one-all-tokens", rng.normal(0.0, 1.0, size=(2, 9)), 9, 1.0, category="p at its maximum",
              covers=["p-one", "k-covers-vocab"]),
        _case("huge-logits", rng.normal(0.0, 1.0, size=(4, 30)) * 3000.0 + np.linspace(0, 10, 30), 6, 0.9,
              category="large logits", covers=["large-logits"]),
        _case("huge-logits-close", 10000.0 + rng.normal(0.0, 1.0, size=(3, 20)), 7, 0.8,
              category="large logits", covers=["large-logits"]),
        _case("very-negative-logits", very_negative, 10, 0.9, category="large logits", covers=["large-logits"]),
        _case("single-token", rng.normal(0.0, 1.0, size=(3, 1)), 1, 0.5, category="single token vocabulary",
              covers=["single-token", "k-covers-vocab", "top-token-kept"]),
        _case("large-input", rng.normal(0.0, 3.0, size=(32, 8000)), 400, 0.9, category="large input"),
    ]
    for i, dt in enumerate(INTEGER_DTYPES):
        k = (2, 4, 3, 8, 5, 2, 6, 16)[i]
        out.append(_case(f"{dt}-logits", _integer_logits(rng, dt, (3, 12)), k, (0.7, 0.9, 0.5, 0.95)[i % 4],
                         category="integer dtype", covers=["integer-dtypes", "k-ties"]))
    # float32 logits with p a few 1e-8 from some token's mass above it: the float64 rule decides it (the
    # margin is still far above 1e-9), while probabilities computed in float32 (7 digits) land on either
    # side. One case per direction of the cut and a few positions.
    frng = np.random.default_rng(20261314)
    z = (frng.normal(size=(1, 400)) * 3.0).astype(np.float32)
    for rank, delta in ((20, 3e-8), (60, -3e-8), (150, -1e-7)):
        out.append(_case(f"float32-near-cut-{rank}", z, 1000, _mass_above(z[0], rank) + delta,
                         category="float32 logits", covers=["k-covers-vocab"]))
    return out


def _mass_above(row, rank):
    """The float64 probability of the tokens ranked above position `rank` (distinct logits)."""
    z = np.sort(row.astype(np.float64))[::-1]
    q = np.exp(z - z[0])
    return float(np.cumsum(q / q.sum())[rank - 1])


def draw_case(draw):
    """One input from the declared space: small batches of logits from a few values (ties everywhere),
    float or any integer dtype (near the dtype's limits or small), k from 1 to past the vocabulary and p
    among a few values."""
    import hypothesis.strategies as st
    import hypothesis.extra.numpy as hnp

    rows, vocab = draw(st.integers(1, 3)), draw(st.integers(1, 8))
    dtype = np.dtype(draw(st.sampled_from(("float64", "float32") + INTEGER_DTYPES)))
    m = draw(hnp.arrays(np.int64, (rows, vocab), elements=st.integers(0, 4)))
    if dtype.kind == "f":
        logits = (m.astype(np.float64) * draw(st.sampled_from([0.5, 1.0, 3.0]))).astype(dtype)
    else:
        info = np.iinfo(dtype)
        base = draw(st.sampled_from([0, min(int(info.max), 2**40) - 4]))
        logits = (base + m).astype(dtype)
    k = draw(st.integers(1, vocab + 2))
    p = draw(st.sampled_from([0.3, 0.55, 0.8, 0.97, 1.0]))
    return {"args": [logits, k, p], "kwargs": {}}
