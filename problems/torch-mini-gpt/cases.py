import numpy as np

from grader.torchcases import module_case, reference

GPT = reference(__file__).MiniGPT

# Parameters of the LayerNorms (blocks.i.ln1, blocks.i.ln2, ln_f): a fresh LayerNorm has weight 1 and bias 0,
# which would let a submission that mixes them up (ln2 before the attention, ln1 before the FFN) match.
LAYERNORMS = ("ln1", "ln2", "ln_f")


def cases():
    rng = np.random.default_rng(20261205)

    def tokens(b, t, vocab):
        return rng.integers(0, vocab, size=(b, t)).astype(np.int64)

    def case(name, public, covers, seed, idx, *, vocab, max_len, d_model, n_heads, n_layers, d_ff, category=None):
        init = {"vocab_size": vocab, "max_len": max_len, "d_model": d_model, "n_heads": n_heads,
                "n_layers": n_layers, "d_ff": d_ff}
        c = module_case(name, public=public, covers=covers, module=GPT, init=init, args=[idx], seed=seed)
        ln_rng = np.random.default_rng(1000 + seed)
        for key, value in c["state"].items():
            if set(key.split(".")) & set(LAYERNORMS):
                base = 1.0 if key.endswith(".weight") else 0.0
                c["state"][key] = (base + 0.2 * ln_rng.normal(size=value.shape)).astype(np.float32)
        if category:
            c["category"] = category
        return c

    # Ten positions, three token ids: every id occurs several times, in both sequences.
    repeated = np.array([[0, 1, 0, 0, 2, 1, 0, 2, 2, 0], [1, 1, 1, 0, 1, 2, 1, 1, 0, 1]], dtype=np.int64)

    return [
        case("example-tiny", True, [], 0, np.array([[3, 1, 4, 1]], dtype=np.int64),
             vocab=7, max_len=8, d_model=8, n_heads=2, n_layers=1, d_ff=16),
        case("example-two-sequences", True, [], 1, np.array([[0, 5, 2], [6, 6, 1]], dtype=np.int64),
             vocab=7, max_len=4, d_model=8, n_heads=2, n_layers=2, d_ff=16),
        case("one-head", False, ["one-head", "causal-mask", "batch"], 2, tokens(2, 6, 11),
             vocab=11, max_len=8, d_model=8, n_heads=1, n_layers=1, d_ff=32,
             category="one head"),
        case("four-heads-two-layers", False, ["many-heads", "several-layers", "causal-mask", "batch"], 3,
             tokens(2, 7, 13), vocab=13, max_len=10, d_model=16, n_heads=4, n_layers=2, d_ff=32,
             category="several heads and layers"),
        case("single-token", False, ["single-token", "several-layers", "batch"], 4, tokens(3, 1, 9),
             vocab=9, max_len=4, d_model=8, n_heads=2, n_layers=2, d_ff=16,
             category="single token"),
        case("full-context", False, ["full-context", "many-heads", "causal-mask", "batch"], 5, tokens(2, 12, 17),
             vocab=17, max_len=12, d_model=12, n_heads=3, n_layers=1, d_ff=24,
             category="full context length"),
        case("heads-of-width-1", False, ["head-width-1", "many-heads", "causal-mask"], 6, tokens(2, 5, 8),
             vocab=8, max_len=6, d_model=6, n_heads=6, n_layers=1, d_ff=12,
             category="heads of width one"),
        case("repeated-tokens", False, ["repeated-tokens", "several-layers", "causal-mask", "batch"], 7, repeated,
             vocab=3, max_len=16, d_model=8, n_heads=2, n_layers=2, d_ff=16,
             category="repeated tokens"),
        case("three-layers-one-sequence", False, ["several-layers", "full-context", "many-heads", "causal-mask"], 8,
             tokens(1, 9, 20), vocab=20, max_len=9, d_model=16, n_heads=2, n_layers=3, d_ff=64,
             category="several heads and layers"),
        case("short-prefix", False, ["short-sequence", "many-heads", "causal-mask", "batch"], 9, tokens(2, 3, 10),
             vocab=10, max_len=32, d_model=8, n_heads=4, n_layers=1, d_ff=8,
             category="sequence shorter than the context"),
        case("one-head-two-layers", False, ["one-head", "several-layers", "causal-mask"], 10, tokens(1, 8, 12),
             vocab=12, max_len=8, d_model=12, n_heads=1, n_layers=2, d_ff=24,
             category="one head"),
        # Size: every step must be a tensor operation (no Python loop over positions or tokens).
        case("larger", False, ["many-heads", "several-layers", "full-context", "causal-mask", "batch"], 11,
             tokens(4, 64, 96), vocab=96, max_len=64, d_model=64, n_heads=4, n_layers=2, d_ff=256,
             category="larger model"),
    ]
