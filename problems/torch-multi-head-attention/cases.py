import numpy as np

from grader.torchcases import module_case, reference

MHA = reference(__file__).MultiHeadAttention


def cases():
    rng = np.random.default_rng(20261204)

    def x(b, length, d_model):
        return rng.normal(size=(b, length, d_model)).astype(np.float32)

    def causal(n):
        return np.tril(np.ones((n, n), dtype=bool))

    def padding(n):
        keep = rng.random((n, n)) < 0.5
        keep[:, 0] |= ~keep.any(axis=1)
        return keep

    def case(name, public, covers, d_model, n_heads, args, seed, category=None):
        c = module_case(name, public=public, covers=covers, module=MHA, init={"d_model": d_model, "n_heads": n_heads},
                        args=args, seed=seed)
        if category:
            c["category"] = category
        return c

    return [
        case("example-2-heads", True, [], 4, 2, [x(1, 3, 4)], 0),
        case("example-causal", True, [], 4, 2, [x(1, 3, 4), causal(3)], 1),
        case("one-head", False, ["one-head", "no-mask"], 8, 1, [x(2, 5, 8)], 2, category="one head"),
        case("four-heads", False, ["many-heads", "no-mask"], 16, 4, [x(2, 6, 16)], 3, category="several heads"),
        case("four-heads-causal", False, ["many-heads", "causal-mask"], 16, 4,
             [x(3, 7, 16), causal(7)], 4, category="causal mask"),
        case("eight-heads-padding", False, ["many-heads", "padding-mask"], 32, 8,
             [x(2, 9, 32), padding(9)], 5, category="arbitrary mask"),
        case("heads-of-width-1", False, ["head-dim-1", "many-heads"], 6, 6,
             [x(2, 4, 6)], 6, category="heads of width one"),
        case("length-1", False, ["length-1", "many-heads", "causal-mask"], 8, 2,
             [x(2, 1, 8), causal(1)], 7, category="sequence of one token"),
        case("batch-1", False, ["batch-1", "many-heads", "no-mask"], 12, 3, [x(1, 10, 12)], 8, category="batch of one"),
        case("larger", False, ["many-heads", "causal-mask"], 64, 8,
             [x(4, 32, 64), causal(32)], 9, category="larger input"),
        case("wide-d-model-two-heads", False, ["many-heads", "padding-mask"], 24, 2,
             [x(2, 8, 24), padding(8)], 10, category="arbitrary mask"),
    ]
