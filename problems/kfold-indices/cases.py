def cases():
    def case(name, public, n, k, **kwargs):
        return {"name": name, "public": public, "args": [n, k], "kwargs": kwargs}

    return [
        case("example-remainder", True, 10, 3),
        case("example-shuffled", True, 7, 3, shuffle=True, seed=0),
        case("divides-evenly", False, 12, 4),
        case("remainder-k-minus-1", False, 11, 4),
        case("leave-one-out", False, 5, 5),
        case("two-samples", False, 2, 2),
        case("k2-odd", False, 9, 2),
        case("shuffle-default-seed", False, 9, 4, shuffle=True),
        case("shuffle-seed-42", False, 23, 5, shuffle=True, seed=42),
        case("shuffle-big-seed", False, 10, 3, shuffle=True, seed=2**40 + 7),
        case("seed-ignored-without-shuffle", False, 8, 3, shuffle=False, seed=99),
        case("shuffle-leave-one-out", False, 6, 6, shuffle=True, seed=5),
        # Large: building train sets with Python list membership tests is quadratic and too slow.
        case("large-shuffled", False, 50_000, 7, shuffle=True, seed=2026),
        case("large-unshuffled", False, 30_001, 10),
    ]
