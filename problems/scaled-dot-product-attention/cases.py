import numpy as np


def cases():
    rng = np.random.default_rng(20261123)

    def qkv(lead, lq, lk, d, dv, scale=1.0):
        return [rng.normal(0, scale, (*lead, lq, d)), rng.normal(0, scale, (*lead, lk, d)),
                rng.normal(0, 1, (*lead, lk, dv))]

    # Causal case whose FUTURE keys dominate every query: key j scores 500*j against every query, so query 0's
    # only allowed key (score 0) is 1500 below the row's unmasked maximum. A shift by the unmasked maximum (or
    # exp-then-mask) underflows every allowed weight to 0 and divides 0 by 0.
    future_q = np.full((4, 4), 10.0)
    future_k = np.repeat(25.0 * np.arange(4.0)[:, None], 4, axis=1)
    future_v = np.array([[1.0, -2.0], [3.0, 0.5], [-4.0, 2.0], [0.25, 8.0]])
    # Non-causal rows at very different score levels (row maxima ~28 and ~1131): one global max shift for the
    # whole score matrix underflows row 0 to 0/0.
    levels_q = np.array([[1.0, 0.0], [40.0, 0.0], [-3.0, 1.0]])
    levels_k = np.array([[40.0, 1.0], [20.0, 2.0], [0.0, 3.0], [-8.0, 0.5]])
    levels_v = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0], [2.0, 2.0, 0.0], [-1.0, 4.0, 1.0]])

    return [
        {"name": "example-2x3", "public": True,
         "args": [np.array([[1.0, 0.0], [0.0, 2.0]]),
                  np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
                  np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])]},
        {"name": "example-causal-3x3", "public": True,
         "args": [np.array([[1.0, 1.0], [2.0, 0.0], [0.0, 2.0]]),
                  np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
                  np.array([[1.0], [2.0], [3.0]])],
         "kwargs": {"causal": True}},
        # Sequence length 1: the single weight is 1, causal or not.
        {"name": "length-1", "public": False, "category": "sequence length one",
         "covers": ["length-1"], "args": qkv((), 1, 1, 4, 3)},
        {"name": "length-1-causal", "public": False, "category": "sequence length one",
         "covers": ["length-1", "causal-mask"],
         "args": qkv((2,), 1, 1, 3, 2), "kwargs": {"causal": True}},
        # Lq != Lk and d != dv: catches scaling by sqrt(dv), softmax over the query axis, transposes,
        # and (d = 16) scaling Q in place.
        {"name": "nonsquare-d-ne-dv", "public": False, "category": "different query and key lengths",
         "covers": ["lq-ne-lk", "d-ne-dv", "read-only"],
         "args": qkv((), 5, 8, 16, 3)},
        {"name": "batched-3d", "public": False, "category": "batch dimensions",
         "covers": ["batch-dims", "lq-ne-lk"], "args": qkv((3,), 6, 4, 8, 5)},
        {"name": "batched-4d", "public": False, "category": "batch dimensions",
         "covers": ["batch-dims"], "args": qkv((2, 3), 4, 7, 6, 2)},
        {"name": "batched-4d-causal", "public": False, "category": "causal mask",
         "covers": ["batch-dims", "causal-mask"],
         "args": qkv((2, 2), 6, 6, 5, 4), "kwargs": {"causal": True}},
        # d = 1: sqrt(d) = d, so only the no-scaling bug would matter; the large-d cases separate them.
        {"name": "d-1", "public": False, "category": "width one", "args": qkv((), 4, 4, 1, 2)},
        {"name": "wide-d-64", "public": False, "category": "key width differs from value width",
         "covers": ["d-ne-dv", "read-only"], "args": qkv((2,), 5, 9, 64, 8)},
        # Large scores: the raw scores reach the thousands even after scaling; exp overflows without the max shift.
        {"name": "large-scores", "public": False, "category": "large scores",
         "covers": ["large-scores"], "args": qkv((2,), 6, 10, 32, 4, scale=30.0)},
        {"name": "large-scores-causal", "public": False, "category": "large scores",
         "covers": ["large-scores", "causal-mask"],
         "args": qkv((), 8, 8, 32, 3, scale=30.0), "kwargs": {"causal": True}},
        {"name": "causal-square-16", "public": False, "category": "causal mask",
         "covers": ["causal-mask"], "args": qkv((), 16, 16, 8, 8),
         "kwargs": {"causal": True}},
        # Timing: a pure-Python triple loop over (batch, query, key, d) does not finish in time.
        {"name": "large-batch", "public": False, "category": "large input", "args": qkv((2,), 512, 512, 64, 64)},
        {"name": "large-batch-causal", "public": False, "category": "large input",
         "covers": ["causal-mask"], "args": qkv((2,), 384, 384, 32, 32),
         "kwargs": {"causal": True}},
        # Three batch dimensions (the most the statement allows), Lq != Lk, d != dv.
        {"name": "three-batch-dims", "public": False, "category": "batch dimensions",
         "covers": ["batch-dims", "lq-ne-lk", "d-ne-dv"],
         "args": qkv((2, 1, 3), 3, 4, 5, 2)},
        {"name": "three-batch-dims-causal", "public": False, "category": "batch dimensions",
         "covers": ["batch-dims", "causal-mask"],
         "args": qkv((1, 2, 2), 4, 4, 3, 3), "kwargs": {"causal": True}},
        # The shift must be each row's maximum over the ALLOWED keys (see above).
        {"name": "causal-future-dominates", "public": False, "category": "causal mask with large future scores",
         "covers": ["causal-mask", "large-scores"],
         "args": [future_q, future_k, future_v], "kwargs": {"causal": True}},
        {"name": "causal-future-dominates-batched", "public": False, "category": "causal mask with large future scores",
         "covers": ["causal-mask", "large-scores",
                                                                               "batch-dims"],
         "args": [np.stack([future_q, -future_q]), np.stack([future_k, future_k]),
                  np.stack([future_v, future_v[::-1]])], "kwargs": {"causal": True}},
        {"name": "rows-at-different-levels", "public": False, "category": "rows on different score scales",
         "covers": ["large-scores", "lq-ne-lk", "d-ne-dv"],
         "args": [levels_q, levels_k, levels_v]},
        # Scores in the tens of thousands (|S| <= 1e5): still a stable softmax.
        {"name": "huge-scores", "public": False, "category": "large scores", "covers": ["large-scores", "lq-ne-lk"],
         "args": qkv((), 5, 7, 8, 3, scale=100.0)},
        # Causal with Lq = Lk = 2: the smallest case where attending one key ahead (tril k=1) differs.
        {"name": "causal-2x2", "public": False, "category": "causal mask", "covers": ["causal-mask", "read-only"],
         "args": [np.array([[1.0, 2.0], [0.5, -1.0]]), np.array([[-1.0, 3.0], [2.0, 2.0]]),
                  np.array([[1.0, 0.0], [0.0, 1.0]])], "kwargs": {"causal": True}},
        # Minimal inputs found by `grader mine` (pasted as found).
        # All-zero scores, causal, L = 2: query 0 must put weight 1 on key 0 (mask off by one / wrong triangle /
        # mask after softmax / zeroed scores all give 0.5).
        {"name": "mined-causal-zeros-2x1", "public": False, "category": "causal mask", "covers": ["causal-mask"],
         "args": [np.array([[0.0], [0.0]]), np.array([[0.0], [0.0]]), np.array([[0.0], [0.0]])],
         "kwargs": {"causal": True}},
        # Row maxima 0 and 900: one global shift underflows row 0.
        {"name": "mined-global-max-shift", "public": False, "category": "rows on different score scales",
         "covers": ["large-scores", "lq-ne-lk"],
         "args": [np.array([[0.0], [30.0]]), np.array([[30.0]]), np.array([[0.0]])], "kwargs": {"causal": False}},
        # A single score of 900: exp(900) overflows without the shift.
        {"name": "mined-unstable-softmax", "public": False, "category": "large scores",
         "covers": ["large-scores", "length-1"],
         "args": [np.array([[30.0]]), np.array([[30.0]]), np.array([[0.0]])], "kwargs": {"causal": False}},
        # d = 2, dv = 1: scaling by 1, by d or by sqrt(dv) instead of sqrt(d).
        {"name": "mined-scaling-d-2", "public": False, "category": "key width differs from value width",
         "covers": ["d-ne-dv", "lq-ne-lk"],
         "args": [np.array([[1.0, 1.0]]), np.array([[0.0, 1.0], [1.0, 1.0]]), np.array([[0.0], [0.0]])],
         "kwargs": {"causal": False}},
        {"name": "mined-scale-by-dv", "public": False, "category": "key width differs from value width",
         "covers": ["d-ne-dv", "causal-mask"],
         "args": [np.array([[1.0], [1.0]]), np.array([[0.0], [1.0]]), np.array([[0.0, 0.0], [0.0, 0.0]])],
         "kwargs": {"causal": True}},
        # Lq = 1, Lk = 2: normalising over the query axis gives weights [1, 1].
        {"name": "mined-softmax-wrong-axis", "public": False, "category": "different query and key lengths",
         "covers": ["lq-ne-lk"],
         "args": [np.array([[0.0]]), np.array([[0.0], [0.0]]), np.array([[0.0], [0.0]])],
         "kwargs": {"causal": False}},
    ]


def draw_case(draw):
    """One input from the statement's space: float64 Q, K, V with 0-3 identical batch dimensions, sizes >= 1,
    |scaled score| <= 1e5 (entries bounded by 30, d <= 8, so |S| <= 30^2 * sqrt(8) < 2600), causal only
    with Lq == Lk. Scores still reach the thousands, so the masked/global max shift matters."""
    from hypothesis import strategies as st
    from hypothesis.extra import numpy as hnp

    lead = tuple(draw(st.lists(st.integers(1, 3), min_size=0, max_size=3)))
    causal = draw(st.booleans())
    lq = draw(st.integers(1, 6))
    lk = lq if causal else draw(st.integers(1, 6))
    d = draw(st.integers(1, 8))
    dv = draw(st.integers(1, 5))
    if draw(st.booleans()):   # extreme mode: only 0 and +-30, so scores of different rows/keys differ by > 745
        elements = st.sampled_from([0.0, 30.0, -30.0])
    else:
        elements = st.one_of(st.sampled_from([0.0, 1.0, -1.0, 0.5, 30.0, -30.0]),
                             st.floats(-30.0, 30.0, allow_nan=False, allow_infinity=False))

    def arr(shape):
        return draw(hnp.arrays(np.float64, shape, elements=elements))

    Q, K, V = arr((*lead, lq, d)), arr((*lead, lk, d)), arr((*lead, lk, dv))
    return {"args": [Q, K, V], "kwargs": {"causal": causal}}
