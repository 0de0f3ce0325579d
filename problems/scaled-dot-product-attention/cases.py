import numpy as np


def cases():
    rng = np.random.default_rng(20261123)

    def qkv(lead, lq, lk, d, dv, scale=1.0):
        return [rng.normal(0, scale, (*lead, lq, d)), rng.normal(0, scale, (*lead, lk, d)),
                rng.normal(0, 1, (*lead, lk, dv))]

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
        {"name": "length-1", "public": False, "args": qkv((), 1, 1, 4, 3)},
        {"name": "length-1-causal", "public": False, "args": qkv((2,), 1, 1, 3, 2), "kwargs": {"causal": True}},
        # Lq != Lk and d != dv: catches scaling by sqrt(dv), softmax over the query axis, transposes.
        {"name": "nonsquare-d-ne-dv", "public": False, "args": qkv((), 5, 8, 16, 3)},
        {"name": "batched-3d", "public": False, "args": qkv((3,), 6, 4, 8, 5)},
        {"name": "batched-4d", "public": False, "args": qkv((2, 3), 4, 7, 6, 2)},
        {"name": "batched-4d-causal", "public": False, "args": qkv((2, 2), 6, 6, 5, 4), "kwargs": {"causal": True}},
        # d = 1: sqrt(d) = d, so only the no-scaling bug would matter; the large-d cases separate them.
        {"name": "d-1", "public": False, "args": qkv((), 4, 4, 1, 2)},
        {"name": "wide-d-64", "public": False, "args": qkv((2,), 5, 9, 64, 8)},
        # Large scores: the raw scores reach the thousands even after scaling; exp overflows without the max shift.
        {"name": "large-scores", "public": False, "args": qkv((2,), 6, 10, 32, 4, scale=30.0)},
        {"name": "large-scores-causal", "public": False, "args": qkv((), 8, 8, 32, 3, scale=30.0),
         "kwargs": {"causal": True}},
        {"name": "causal-square-16", "public": False, "args": qkv((), 16, 16, 8, 8), "kwargs": {"causal": True}},
        # Timing: a pure-Python triple loop over (batch, query, key, d) does not finish in time.
        {"name": "large-batch", "public": False, "args": qkv((2,), 512, 512, 64, 64)},
        {"name": "large-batch-causal", "public": False, "args": qkv((2,), 384, 384, 32, 32),
         "kwargs": {"causal": True}},
    ]
