import numpy as np


def cases():
    rng = np.random.default_rng(20261127)
    out = [
        {"name": "example-one-query", "public": True,
         "args": [np.array([[3, 2, 3, 0, 1, 2]]), np.array([[0.9, 0.8, 0.7, 0.6, 0.5, 0.4]]), 6]},
        {"name": "example-ties-and-no-relevant", "public": True,
         "args": [np.array([[0, 1, 2], [0, 0, 0]]), np.array([[0.5, 0.5, 0.1], [1.0, 2.0, 3.0]]), 2]},
    ]
    out.append({"name": "single-item", "public": False, "category": "single item", "covers": ["k-equals-one"],
                "args": [np.array([[2]]), np.array([[0.3]]), 1]})
    out.append({"name": "k-larger-than-items", "public": False, "category": "k exceeds items",
                "covers": ["k-exceeds-m"],
                "args": [np.array([[0, 2, 1, 0], [1, 0, 0, 3]]), rng.normal(size=(2, 4)), 10]})
    rel = rng.integers(0, 4, size=(6, 8))
    out.append({"name": "k1", "public": False, "category": "top item only",
                "covers": ["k-equals-one"], "args": [rel, rng.normal(size=(6, 8)), 1]})
    # Rank 2 discounts by log2(3), not by log2(2): the classic off-by-one shows here.
    out.append({"name": "k2-discount", "public": False, "category": "rank discount",
                "args": [np.array([[1, 3, 0, 2]]), np.array([[4.0, 3.0, 2.0, 1.0]]), 2]})
    rel = rng.integers(0, 3, size=(5, 7))
    rel[[1, 3]] = 0
    out.append({"name": "some-queries-all-irrelevant", "public": False, "category": "no relevant item",
                "covers": ["no-relevant-item"],
                "args": [rel, rng.normal(size=(5, 7)), 4]})
    # Relevant items outside the top k: the ideal DCG is over the best k, not over all items.
    out.append({"name": "relevant-beyond-k", "public": False, "category": "relevant items beyond k",
                "covers": ["ideal-over-all-items"],
                "args": [np.array([[0, 0, 1, 2, 3, 1, 2, 0]]), np.arange(8.0, 0.0, -1.0)[None, :], 3]})
    rel = rng.integers(0, 4, size=(4, 10))
    scores = rng.integers(0, 3, size=(4, 10))  # integer scores with many ties
    out.append({"name": "many-ties-int-scores", "public": False, "category": "score ties",
                "covers": ["score-ties"], "args": [rel, scores, 5]})
    rel = rng.integers(0, 4, size=(3, 9))
    out.append({"name": "all-scores-tied", "public": False, "category": "score ties", "covers": ["score-ties"],
                "args": [rel, np.full((3, 9), 0.25), 4]})
    rel = rng.integers(0, 5, size=(3, 12))
    out.append({"name": "perfect-ranking", "public": False, "category": "perfect ranking",
                "args": [rel, rel + 0.1 * rng.random((3, 12)), 12]})
    out.append({"name": "reversed-ranking", "public": False, "category": "reversed ranking",
                "args": [rel, -rel.astype(float), 5]})
    rel = rng.integers(0, 6, size=(20, 15)).astype(np.uint8)
    out.append({"name": "uint8-grades-up-to-5", "public": False, "category": "unsigned grades",
                "args": [rel, rng.normal(size=(20, 15)), 7]})
    # Large batch; scores rounded to two decimals so that ties occur throughout.
    rel = np.minimum(rng.geometric(0.5, size=(1000, 100)) - 1, 4).astype(np.int8)
    scores = np.round(rel * 0.3 + rng.normal(size=(1000, 100)), 2)
    out.append({"name": "large-batch-1000x100", "public": False, "category": "large input",
                "covers": ["score-ties"], "args": [rel, scores, 10]})

    # Every integer dtype, for both arguments, with values that break code working in the input's own dtype:
    # -x on an unsigned array does not reverse its order (0 stays the smallest), and -(dtype min) wraps to
    # itself in a signed one. Relevance rows mix 0 with positive grades, so -sort(-rel) goes wrong on uints.
    def pair(name, rel_rows, rel_dtype, score_rows, score_dtype, k, covers=(), category="integer dtype limits"):
        out.append({"name": name, "public": False, "category": category, "covers": list(covers),
                    "args": [np.array(rel_rows, dtype=rel_dtype), np.array(score_rows, dtype=score_dtype), k]})

    pair("uint8-scores-with-zero", [[3, 0, 1, 2, 0], [0, 2, 0, 1, 3]], np.int8,
         [[0, 200, 255, 1, 7], [255, 0, 3, 3, 254]], np.uint8, 3, ["score-ties"])
    pair("int8-scores-at-min", [[3, 1, 0, 2], [0, 1, 2, 3], [5, 0, 0, 1]], np.uint8,
         [[-128, 127, 0, -1], [-128, -128, 127, 126], [-128, -127, 5, -128]], np.int8, 2, ["score-ties"])
    pair("uint16-scores-uint16-grades", [[0, 4, 1, 5, 0, 2]], np.uint16,
         [[0, 65535, 1, 0, 32768, 2]], np.uint16, 4, ["score-ties"])
    pair("int16-scores-at-min", [[2, 0, 3, 1], [1, 1, 0, 4]], np.int16,
         [[-32768, 32767, 0, -32767], [-32768, 5, -32768, 32767]], np.int16, 3)
    pair("uint32-scores-int32-grades", [[0, 0, 5, 1, 2], [4, 0, 0, 0, 1]], np.int32,
         [[4294967295, 0, 0, 1, 2147483648], [0, 4294967295, 1, 2, 3]], np.uint32, 2, ["score-ties"])
    pair("int32-scores-at-min", [[1, 3, 0, 2, 0], [0, 0, 0, 0, 0]], np.uint32,
         [[-2147483648, 2147483647, 0, -2147483647, -2147483648], [1, 2, 3, 4, 5]], np.int32, 3,
         ["no-relevant-item"])
    pair("uint64-scores-and-grades", [[0, 3, 0, 1, 5, 0]], np.uint64,
         [[0, 2**53, 1, 2**53 - 1, 0, 2**32]], np.uint64, 5, ["score-ties"])
    pair("int64-scores-int64-grades", [[0, 2, 1, 0, 4], [3, 0, 0, 2, 0]], np.int64,
         [[-2**53, 2**53, 0, -2**53, 7], [0, -1, -2**53, 2**53, 2**53]], np.int64, 3, ["score-ties"])
    pair("uint32-grades-float-scores", [[0, 1, 0, 5, 3, 0, 2]], np.uint32,
         [[0.5, -1.5, 2.0, 0.5, -0.0, 0.0, 2.0]], np.float64, 7, ["score-ties"])
    pair("uint16-grades-k-exceeds", [[0, 0, 4], [1, 0, 2]], np.uint16,
         [[1, 2, 3], [3, 2, 1]], np.uint8, 5, ["k-exceeds-m", "ideal-over-all-items"], category="k exceeds items")

    # Long rows (40 items) in tie groups with k = m: the whole tie order counts, not only the first few ranks;
    # an unstable sort, or a reversed ascending sort, reorders tied items deep in the list.
    rel = rng.integers(0, 6, size=(6, 40)).astype(np.int16)
    scores = rng.integers(0, 4, size=(6, 40)).astype(np.float64) * 0.5
    out.append({"name": "long-tie-groups-k-equals-m", "public": False, "category": "long tie groups",
                "covers": ["score-ties"],
                "args": [rel, scores, 40]})
    rel = rng.integers(0, 6, size=(8, 30)).astype(np.uint64)
    scores = rng.integers(-1, 2, size=(8, 30)).astype(np.int64)
    out.append({"name": "long-tie-groups-k25", "public": False, "category": "long tie groups",
                "covers": ["score-ties", "ideal-over-all-items"],
                "args": [rel, scores, 25]})
    # Minimal inputs found by `grader mine` (unstable argsort, -x in an int8 / uint8 dtype).
    out += [
        {"name": "mined-unstable-argsort", "public": False, "category": "score ties",
         "covers": ["score-ties", "k-equals-one"],
         "args": [np.array([[1, 1, 0, 1]], dtype=np.int8), np.array([[-128, -128, -127, -127]], dtype=np.int8), 1]},
        {"name": "mined-negates-scores-in-dtype", "public": False, "category": "integer dtype limits",
         "covers": ["k-equals-one"],
         "args": [np.array([[0, 1]], dtype=np.int8), np.array([[-128, -127]], dtype=np.int8), 1]},
        {"name": "mined-ideal-negates-in-dtype", "public": False, "category": "unsigned grades",
         "covers": ["score-ties", "k-equals-one"],
         "args": [np.array([[1, 0]], dtype=np.uint8), np.array([[0.0, 0.0]], dtype=np.float64), 1]},
    ]
    return out


def draw_case(draw):
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    integer = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
    n = draw(st.integers(1, 3))
    m = draw(st.integers(1, 8))
    rel_dtype = np.dtype(draw(st.sampled_from(integer)))
    relevance = draw(hnp.arrays(rel_dtype, (n, m), elements=st.integers(0, 5)))
    score_dtype = np.dtype(draw(st.sampled_from(["float64"] + integer)))
    if score_dtype.kind == "f":
        # Few distinct dyadic values, so that ties are common and exact.
        elements = st.integers(-4, 4).map(lambda v: v * 0.25)
    else:
        info = np.iinfo(score_dtype)
        lo, hi = max(int(info.min), -2**53), min(int(info.max), 2**53)
        # The dtype's extremes (where -x wraps or stays put) and small values (ties), plus anything in range.
        elements = st.one_of(st.sampled_from([lo, lo + 1, 0, 1, hi - 1, hi]), st.integers(-2, 2).filter(
            lambda v: lo <= v), st.integers(lo, hi))
    scores = draw(hnp.arrays(score_dtype, (n, m), elements=elements))
    k = draw(st.integers(1, m + 2))
    return {"args": [relevance, scores, k], "kwargs": {}}
