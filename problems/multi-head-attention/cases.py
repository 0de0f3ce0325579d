import numpy as np


def cases():
    rng = np.random.default_rng(20261124)

    def mha(B, L, D, H, x_scale=1.0, causal=None):
        w_scale = 1.0 / np.sqrt(D)
        args = [rng.normal(0, x_scale, (B, L, D))] + [rng.normal(0, w_scale, (D, D)) for _ in range(4)] + [H]
        case = {"args": args}
        if causal is not None:
            case["kwargs"] = {"causal": causal}
        return case

    eye = np.eye(4)
    swap = np.array([[0.0, 1.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0], [0.0, 0.0, 1.0, 0.0]])
    return [
        {"name": "example-identity-2-heads", "public": True,
         "args": [np.array([[[1.0, 0.0, 2.0, 0.0], [0.0, 1.0, 0.0, 2.0], [1.0, 1.0, 1.0, 1.0]]]),
                  eye, eye, eye, eye, 2]},
        {"name": "example-causal-2-heads", "public": True,
         "args": [np.array([[[1.0, 0.0, 2.0, 0.0], [0.0, 1.0, 0.0, 2.0], [1.0, 1.0, 1.0, 1.0]]]),
                  eye, eye, 2.0 * eye, swap, 2],
         "kwargs": {"causal": True}},
        {"name": "one-head", "public": False, **mha(2, 5, 8, 1)},
        {"name": "dh-1", "public": False, **mha(2, 4, 6, 6)},
        {"name": "length-1", "public": False, **mha(3, 1, 8, 2)},
        {"name": "length-1-causal", "public": False, **mha(1, 1, 6, 3, causal=True)},
        {"name": "single-sequence", "public": False, **mha(1, 7, 12, 3)},
        {"name": "batch-3-heads-4", "public": False, **mha(3, 6, 16, 4)},
        {"name": "batch-causal", "public": False, **mha(2, 9, 12, 4, causal=True)},
        {"name": "causal-explicit-false", "public": False, **mha(2, 5, 10, 5, causal=False)},
        # Large activations: the head scores reach the thousands; exp overflows without the max shift.
        {"name": "large-scores", "public": False, **mha(2, 6, 8, 2, x_scale=60.0)},
        {"name": "large-scores-causal", "public": False, **mha(2, 6, 8, 4, x_scale=60.0, causal=True)},
        # Timing: projections and per-head attention must be array operations, not Python loops over tokens.
        {"name": "large", "public": False, **mha(4, 128, 128, 8)},
        {"name": "large-causal", "public": False, **mha(4, 96, 96, 6, causal=True)},
    ]
