import numpy as np


def _net(rng, b, d, h, c, w_scale=1.0):
    return [rng.normal(size=(b, d)), rng.integers(0, c, b),
            rng.normal(0.0, w_scale / np.sqrt(d), (d, h)), rng.normal(0.0, 0.1, h),
            rng.normal(0.0, w_scale / np.sqrt(h), (h, c)), rng.normal(0.0, 0.1, c)]


def cases():
    rng = np.random.default_rng(20261205)
    out = [
        {"name": "example-tiny", "public": True,
         "args": [np.array([[1.0, 2.0], [-1.0, 0.5]]), np.array([0, 1]),
                  np.array([[0.5, -1.0, 0.25], [0.25, 0.5, -0.5]]), np.array([0.375, 0.5, 0.1]),
                  np.array([[1.0, -1.0], [0.5, 0.25], [-0.75, 1.0]]), np.array([0.1, -0.1])]},
    ]
    out.append({"name": "batch-of-one", "public": False, "args": _net(rng, 1, 5, 7, 4)})
    # Small integers: X @ W1 + b1 is exact in any summation order, and many pre-activations are exactly 0.
    out.append({"name": "zero-preactivations", "public": False,
                "args": [rng.integers(-2, 3, (12, 4)).astype(np.float64), rng.integers(0, 3, 12),
                         rng.integers(-1, 2, (4, 6)).astype(np.float64),
                         rng.integers(-1, 2, 6).astype(np.float64),
                         rng.normal(size=(6, 3)), rng.normal(0.0, 0.1, 3)]})
    args = _net(rng, 16, 6, 10, 5, w_scale=1.0)
    args[4] = args[4] * 1000.0  # logits in the thousands; some targets sit > 800 below the max logit
    out.append({"name": "large-logits", "public": False, "args": args})
    args = _net(rng, 8, 3, 5, 3)
    args[0] = rng.integers(-5, 6, (8, 3))
    out.append({"name": "integer-inputs", "public": False, "args": args})
    args = _net(rng, 10, 4, 8, 3)
    args[1] = np.full(10, 2)
    out.append({"name": "single-target-class", "public": False, "args": args})
    args = _net(rng, 6, 4, 5, 3)
    args[3] = np.full(5, -50.0)  # every hidden unit dead: dW1 and db1 are exactly zero
    out.append({"name": "all-units-dead", "public": False, "args": args})
    out.append({"name": "one-hidden-unit", "public": False, "args": _net(rng, 9, 3, 1, 2)})
    out.append({"name": "ten-classes", "public": False, "args": _net(rng, 64, 20, 32, 10)})
    out.append({"name": "large-batch", "public": False, "args": _net(rng, 512, 64, 128, 10)})
    return out
