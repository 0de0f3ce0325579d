import numpy as np


def cases():
    rng = np.random.default_rng(20261202)
    out = [
        {"name": "example-duplicate-skipped", "public": True,
         "args": [np.array([1.0, 0.0]), np.array([[4.0, 3.0], [8.0, 6.0], [3.0, -4.0], [0.0, 1.0], [5.0, 0.0]]),
                  3, 0.6]},
        {"name": "example-zero-doc-k-exceeds", "public": True,
         "args": [np.array([1, 1]), np.array([[1, 1], [0, 0], [-1, -1], [2, 0]]), 6, 0.0]},
    ]

    def hidden(name, category, query, docs, k, lam, covers=()):
        out.append({"name": name, "public": False, "category": category, "covers": list(covers),
                    "args": [query, docs, k, float(lam)]})

    # Float64 documents that are not unit length: normalising them in place changes the caller's array.
    hidden("unnormalised-docs-read-only", "input must not be modified", np.array([1.0, 2.0, 0.5]),
           np.array([[3.0, 1.0, 0.0], [0.5, 4.0, 1.0], [2.0, 2.0, 2.0], [-1.0, 0.0, 6.0]]), 3, 0.5)
    # Clusters of near-duplicates around a few topics: MMR must leave a cluster once one member is picked.
    topics = rng.normal(size=(5, 16))
    docs = np.repeat(topics, 6, axis=0) + 0.05 * rng.normal(size=(30, 16))
    query = topics[0] + 0.8 * topics[1] + 0.3 * rng.normal(size=16)
    hidden("near-duplicate-clusters", "near-duplicate documents", query, docs, 6, 0.5)
    hidden("near-duplicate-clusters-high-lambda", "near-duplicate documents", query, docs, 8, 0.85)
    # Document norms vary widely: a raw dot product prefers long documents, the cosine does not.
    docs = rng.normal(size=(40, 12)) * rng.uniform(0.1, 20.0, size=(40, 1))
    hidden("varied-norms", "random inputs", rng.normal(size=12), docs, 7, 0.7)
    hidden("random-mid-lambda", "random inputs", rng.normal(size=24), rng.normal(size=(60, 24)), 10, 0.5)
    hidden("random-low-lambda", "random inputs", rng.normal(size=8), rng.normal(size=(25, 8)), 9, 0.25)
    hidden("lambda-one-relevance-order", "relevance only", rng.normal(size=10),
           rng.normal(size=(30, 10)), 12, 1.0, ["lambda-one"])
    docs = rng.normal(size=(20, 6))
    query = rng.normal(size=6)
    docs[0] = -query  # the least relevant document is first, so a first pick by MMR score 0 is wrong
    hidden("lambda-zero-diversity-only", "diversity only", query, docs, 8, 0.0,
           ["lambda-zero", "negative-similarity"])
    # Every document is on the far side of the query from the first pick: redundancies are negative.
    query = np.array([1.0, 0.0, 0.0])
    docs = np.array([[1.0, 0.1, 0.0], [-1.0, 0.2, 0.3], [-1.0, -0.5, 0.1], [-0.8, 0.1, -0.9], [-1.0, 0.0, 0.0]])
    hidden("negative-redundancy", "negative similarities", query, docs, 4, 0.5, ["negative-similarity"])
    hidden("negative-redundancy-high-lambda", "negative similarities", query, docs, 5, 0.9,
           ["negative-similarity", "k-exceeds-n"])
    # Exact duplicates and scaled copies: ties go to the lowest index.
    base = rng.normal(size=(6, 5))
    docs = np.vstack([base[[3]] * 2.0, base, base[[3]], base[[1]] * 0.5])
    hidden("duplicates-and-scaled-copies", "ties", base[3] + 0.1 * base[1], docs, 5, 0.6, ["score-ties"])
    # A copy scaled by 3 has a cosine 1 ulp above the original's in some formulas: only the tolerance ties them.
    a = np.array([0.306, 0.699, -0.692, 0.815])
    query = np.array([-0.33, 1.23, 0.528, 0.224])
    docs = np.vstack([a, 3.0 * a, rng.normal(size=(8, 4)) - query])   # the others point away from the query
    hidden("scaled-copy-float-level-tie", "ties", query, docs, 3, 0.7,
           ["score-ties"])
    # Zero query: every relevance is 0, the first pick is index 0 and the rest is diversity.
    hidden("zero-query", "zero vectors", np.zeros(7), rng.normal(size=(12, 7)), 4, 0.5, ["zero-vector", "score-ties"])
    docs = rng.normal(size=(10, 5))
    docs[[0, 4, 7]] = 0.0
    hidden("zero-documents", "zero vectors", rng.normal(size=5), docs, 10, 0.4, ["zero-vector", "score-ties"])
    hidden("one-document-k-larger", "k larger than n", np.array([0.5, -1.0]), np.array([[2.0, 1.0]]), 3, 0.5,
           ["k-exceeds-n"])
    hidden("k-exceeds-n", "k larger than n", rng.normal(size=4), rng.normal(size=(7, 4)), 20, 0.3, ["k-exceeds-n"])
    hidden("k-one", "random inputs", rng.normal(size=9), rng.normal(size=(15, 9)), 1, 0.2)
    # Large: one matrix-vector product per pick.
    topics = rng.normal(size=(40, 256))
    docs = topics[rng.integers(0, 40, size=3000)] + 0.4 * rng.normal(size=(3000, 256))
    hidden("large-3000x256-k50", "large input", topics[0] + topics[7], docs, 50, 0.6)
    out.extend(_integer_cases(rng))
    # Relevances 1 - 3e-7 (index 0) and 1 (index 1): different scores (300 times the 1e-9 tolerance), so the
    # higher one wins; a looser tie rule (np.isclose's defaults, 1e-6) takes the lower index instead.
    a = np.sqrt(6e-7)
    hidden("close-but-distinct-scores", "score ties", np.array([1.0, 0.0, 0.0]),
           np.array([[1.0, a, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 1.0], [1.0, 0.0, a]]), 3, 0.5, ["score-ties"])
    # A nonzero document of norm about 1e-15 pointing exactly like the query: its cosine is 1. Dividing by
    # norm + 1e-12 instead of by the norm makes it look almost orthogonal to everything.
    hidden("tiny-norm-document", "short vectors", np.array([1.0, 2.0, 3.0]),
           np.array([[3.0, 1.0, 0.0], [1e-15, 2e-15, 3e-15], [0.0, 1.0, 1.0], [-1.0, 0.5, 2.0]]), 3, 0.7)
    return out


def _integer_cases(rng):
    """Every integer dtype, with values whose products overflow the dtype (and its sums overflow for int64)."""
    out = []
    for name in ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]:
        info = np.iinfo(name)
        lo, hi = max(int(info.min), -2 ** 53), min(int(info.max), 2 ** 53)
        docs = rng.integers(lo, hi, size=(12, 4), endpoint=True, dtype=np.int64 if hi <= 2 ** 53 else np.uint64)
        docs[2] = 0
        docs[5] = docs[1]
        query = rng.integers(lo, hi, size=4, endpoint=True)
        out.append({"name": f"{name}-vectors-near-limits", "public": False, "category": "integer dtype",
                    "covers": ["integer-vectors", "zero-vector", "score-ties"],
                    "args": [query.astype(name), docs.astype(name), 6, 0.5]})
    # Small positive uint8 values: 16 * 16 = 256 already wraps to 0.
    out.append({"name": "uint8-small-products-wrap", "public": False, "category": "integer dtype",
                "covers": ["integer-vectors"],
                "args": [np.array([16, 16, 1], dtype=np.uint8),
                         np.array([[16, 16, 0], [1, 2, 16], [16, 0, 16], [3, 3, 3]], dtype=np.uint8), 3, 0.8]})
    return out


def draw_case(draw):
    """Small inputs from the declared space with exact ties: few distinct small values, zero rows, copies."""
    import hypothesis.strategies as st
    from hypothesis.extra import numpy as hnp

    integer = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
    dtype = np.dtype(draw(st.sampled_from(["float64"] + integer)))
    n = draw(st.integers(1, 6))
    d = draw(st.integers(1, 4))
    if dtype.kind == "f":
        elements = st.integers(-4, 4).map(float)
    else:
        info = np.iinfo(dtype)
        lo, hi = max(int(info.min), -2 ** 53), min(int(info.max), 2 ** 53)
        elements = st.one_of(st.integers(max(lo, -3), 3), st.sampled_from([lo, hi, hi // 2 + 1]))
    docs = draw(hnp.arrays(dtype, (n, d), elements=elements))
    query = draw(hnp.arrays(dtype, d, elements=elements))
    k = draw(st.integers(1, n + 2))
    lam = draw(st.sampled_from([0.0, 0.25, 0.5, 0.7, 1.0]))
    return {"args": [query, docs, k, lam], "kwargs": {}}
