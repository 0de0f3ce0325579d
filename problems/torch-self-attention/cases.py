import numpy as np


def cases():
    rng = np.random.default_rng(20261204)

    def qkv(lead, lq, lk, d, dv, dtype=np.float64, scale=1.0):
        return [np.clip(rng.normal(0, scale, shape), -10, 10).astype(dtype)
                for shape in ((*lead, lq, d), (*lead, lk, d), (*lead, lk, dv))]

    def padding(lead, lq, lk):
        # Each query keeps a random, non-empty set of keys.
        keep = rng.random((*lead, lq, lk)) < 0.6
        keep[..., 0] |= ~keep.any(axis=-1)
        return keep

    def causal(n):
        return np.tril(np.ones((n, n), dtype=bool))

    example = [np.array([[1.0, 0.0], [0.0, 2.0]]), np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]),
               np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])]
    return [
        {"name": "example-2x3", "public": True, "args": example},
        {"name": "example-mask", "public": True,
         "args": [*example, np.array([[True, False, False], [True, True, False]])]},
        {"name": "no-mask-float64", "public": False, "category": "no mask",
         "covers": ["no-mask", "lq-ne-lk", "d-ne-dv", "read-only"],
         "args": qkv((), 5, 8, 16, 3)},
        {"name": "no-mask-float32-batched", "public": False, "category": "float32 with batch dimensions",
         "covers": ["no-mask", "float32", "batch-dims", "d-ne-dv", "read-only"],
         "args": qkv((2, 3), 4, 6, 32, 5, np.float32)},
        {"name": "none-given-explicitly", "public": False, "category": "no mask", "covers": ["no-mask"],
         "args": [*qkv((3,), 6, 6, 8, 8), None]},
        {"name": "padding-mask", "public": False, "category": "padding mask",
         "covers": ["padding-mask", "lq-ne-lk", "batch-dims"],
         "args": [*qkv((2,), 5, 7, 16, 4), padding((2,), 5, 7)]},
        {"name": "padding-mask-float32", "public": False, "category": "padding mask",
         "covers": ["padding-mask", "float32", "batch-dims"],
         "args": [*qkv((2, 2), 6, 9, 8, 8, np.float32), padding((2, 2), 6, 9)]},
        {"name": "causal", "public": False, "category": "causal mask",
         "covers": ["causal-mask", "mask-broadcast", "d-ne-dv"],
         "args": [*qkv((), 8, 8, 64, 4), causal(8)]},
        {"name": "causal-broadcast-batch", "public": False, "category": "one mask for the whole batch",
         "covers": ["causal-mask", "mask-broadcast", "batch-dims", "float32"],
         "args": [*qkv((3,), 10, 10, 16, 16, np.float32), causal(10)]},
        {"name": "padding-broadcast-two-batch-dims", "public": False, "category": "one mask for the whole batch",
         "covers": ["padding-mask", "mask-broadcast", "batch-dims", "lq-ne-lk"],
         "args": [*qkv((2, 2), 3, 5, 4, 6), padding((), 3, 5)]},
        # A single allowed key per row: its weight is exactly 1 (mask after softmax leaves it below 1).
        {"name": "one-key-per-row", "public": False, "category": "one allowed key per query",
         "covers": ["padding-mask", "lq-ne-lk"],
         "args": [*qkv((), 4, 6, 8, 2), np.eye(4, 6, k=1, dtype=bool)]},
        {"name": "length-1", "public": False, "category": "sequence length one",
         "covers": ["no-mask"], "args": qkv((), 1, 1, 4, 3)},
        # Scores in the tens: a softmax without a max shift is still fine in float64, but d matters a lot.
        {"name": "large-scores", "public": False, "category": "large scores", "covers": ["no-mask", "lq-ne-lk"],
         "args": qkv((2,), 6, 10, 32, 4, scale=3.0)},
        # Timing: a few hundred tokens; a Python loop over tokens does not finish in time.
        {"name": "long-sequence", "public": False, "category": "long sequence",
         "covers": ["causal-mask", "mask-broadcast", "batch-dims"],
         "args": [*qkv((2,), 256, 256, 64, 64, np.float32), causal(256)]},
    ]
