def cases():
    def case(name, public, n, k, covers=(), category=None, **kwargs):
        out = {"name": name, "public": public, "covers": list(covers), "args": [n, k], "kwargs": kwargs}
        return out | ({"category": category} if category else {})

    return [
        case("example-remainder", True, 10, 3),
        case("example-shuffled", True, 7, 3, shuffle=True, seed=0),
        case("divides-evenly", False, 12, 4, ["divides-evenly"], category="k divides n"),
        case("remainder-k-minus-1", False, 11, 4, ["remainder-first-folds"], category="uneven fold sizes"),
        case("leave-one-out", False, 5, 5, ["leave-one-out"], category="leave-one-out"),
        case("two-samples", False, 2, 2, ["leave-one-out", "two-folds"], category="leave-one-out"),
        case("k2-odd", False, 9, 2, ["two-folds", "remainder-first-folds"], category="two folds"),
        case("shuffle-default-seed", False, 9, 4, ["test-in-permuted-order", "train-sorted"], shuffle=True,
             category="shuffled folds"),
        case("shuffle-seed-42", False, 23, 5, ["test-in-permuted-order", "train-sorted", "remainder-first-folds"],
             shuffle=True, seed=42, category="shuffled folds"),
        case("shuffle-big-seed", False, 10, 3, ["seed-beyond-32-bits"], shuffle=True, seed=2**40 + 7,
             category="large seed"),
        case("seed-ignored-without-shuffle", False, 8, 3, ["seed-ignored-without-shuffle"], shuffle=False, seed=99,
             category="seed without shuffle"),
        case("shuffle-leave-one-out", False, 6, 6, ["leave-one-out", "test-in-permuted-order"], shuffle=True, seed=5,
             category="leave-one-out"),
        # Large: building train sets with Python list membership tests is quadratic and too slow.
        case("large-shuffled", False, 50_000, 7, ["remainder-first-folds"], shuffle=True, seed=2026,
             category="large input"),
        case("large-unshuffled", False, 30_001, 10, ["remainder-first-folds"], category="large input"),
        # Seeds that equal a small seed modulo 2**32 (2**32 itself is 0 there, the default seed).
        case("seed-exactly-2-to-32", False, 11, 3, ["seed-beyond-32-bits", "remainder-first-folds"],
             shuffle=True, seed=2**32, category="large seed"),
        case("seed-largest", False, 13, 4, ["seed-beyond-32-bits"], shuffle=True, seed=2**63 - 1,
             category="large seed"),
        # r = k - 1 and r = 1 with shuffling: which folds get the extra sample matters in both directions.
        case("shuffle-remainder-one", False, 16, 5, ["remainder-first-folds", "test-in-permuted-order"],
             shuffle=True, seed=7, category="shuffled folds"),
        case("shuffle-two-folds-odd", False, 15, 2, ["two-folds", "test-in-permuted-order", "train-sorted"],
             shuffle=True, seed=123, category="two folds"),
        case("seed-ignored-big-seed", False, 7, 2, ["seed-ignored-without-shuffle"], seed=2**40 + 7,
             category="seed without shuffle"),
        case("k-one-less-than-n", False, 9, 8, ["remainder-first-folds"], category="uneven fold sizes"),
        # Minimal inputs found by `grader mine`.
        case("mined-four-into-three", False, 4, 3, ["remainder-first-folds"], category="uneven fold sizes"),
        case("mined-three-into-two", False, 3, 2, ["remainder-first-folds", "two-folds"], category="uneven fold sizes"),
        case("mined-seed-2-to-32-small", False, 4, 2, ["seed-beyond-32-bits", "two-folds"], shuffle=True,
             seed=2**32, category="large seed"),
    ]


def draw_case(draw):
    import hypothesis.strategies as st

    n = draw(st.integers(2, 40))
    k = draw(st.one_of(st.sampled_from([2, n, max(2, n - 1)]), st.integers(2, n)))
    kwargs = {}
    if draw(st.booleans()):
        kwargs["shuffle"] = draw(st.booleans())
    if draw(st.booleans()):
        kwargs["seed"] = draw(st.one_of(st.integers(0, 100), st.sampled_from([2**32, 2**32 + 1, 2**63 - 1]),
                                        st.integers(0, 2**63 - 1)))
    return {"args": [n, k], "kwargs": kwargs}
