import numpy as np


def _state(rng, shape, t, g_scale=1.0, beta1=0.9, beta2=0.999):
    """Parameters, a gradient, and moments consistent with t - 1 earlier steps of gradients of this scale
    (v is never negative and is 0 only where m is)."""
    params = rng.normal(size=shape)
    grads = g_scale * rng.normal(size=shape)
    if t == 1:
        return [params, grads, np.zeros(shape), np.zeros(shape), t]
    past = g_scale * rng.normal(size=(min(t - 1, 8),) + shape)
    m = (1 - beta1 ** (t - 1)) * past.mean(axis=0)
    v = (1 - beta2 ** (t - 1)) * (past ** 2).mean(axis=0)
    return [params, grads, m, v, t]


def cases():
    rng = np.random.default_rng(20261304)
    out = [
        {"name": "example-first-step", "public": True,
         "args": [np.array([1.0, -2.0, 0.5]), np.array([0.1, -0.2, 0.0]), np.zeros(3), np.zeros(3), 1]},
        {"name": "example-third-step", "public": True,
         "args": [np.array([[0.5, -1.0], [2.0, 0.0]]), np.array([[0.2, 0.4], [-1.0, 0.0]]),
                  np.array([[0.1, -0.1], [-0.5, 0.0]]), np.array([[0.01, 0.04], [0.25, 0.0]]), 3],
         "kwargs": {"lr": 0.1, "beta1": 0.5, "beta2": 0.75}},
    ]
    out.append({"name": "first-step", "public": False, "category": "first step", "covers": ["first-step"],
                "args": _state(rng, (7,), 1)})
    out.append({"name": "first-step-2d", "public": False, "category": "first step",
                "covers": ["first-step", "any-shape"], "args": _state(rng, (3, 4), 1)})
    out.append({"name": "second-step", "public": False, "category": "early steps", "covers": ["bias-correction"],
                "args": _state(rng, (10,), 2)})
    out.append({"name": "step-five", "public": False, "category": "early steps", "covers": ["bias-correction"],
                "args": _state(rng, (4, 3), 5)})
    out.append({"name": "step-hundred", "public": False, "category": "random inputs",
                "covers": ["bias-correction"], "args": _state(rng, (20,), 100)})
    out.append({"name": "step-ten-thousand", "public": False, "category": "late steps",
                "args": _state(rng, (6, 2), 10000)})
    # Gradients around 1e-8: sqrt(v_hat) is of the order of eps, so where eps goes matters.
    out.append({"name": "tiny-gradients", "public": False, "category": "tiny gradients",
                "covers": ["eps-outside-sqrt"], "args": _state(rng, (12,), 4, g_scale=1e-8)})
    out.append({"name": "tiny-gradients-first-step", "public": False, "category": "tiny gradients",
                "covers": ["eps-outside-sqrt", "first-step"], "args": _state(rng, (2, 5), 1, g_scale=3e-9)})
    args = _state(rng, (9,), 1)
    args[1][[1, 4, 7]] = 0.0
    out.append({"name": "zero-gradients-first-step", "public": False, "category": "zero gradients",
                "covers": ["zero-gradient", "first-step"], "args": args})
    args = _state(rng, (3, 3), 1)
    args[1][1] = 0.0
    out.append({"name": "zero-gradient-row", "public": False, "category": "zero gradients",
                "covers": ["zero-gradient", "any-shape"], "args": args})
    out.append({"name": "custom-hyperparameters", "public": False, "category": "custom hyperparameters",
                "covers": ["hyperparameters"], "args": _state(rng, (8,), 3, beta1=0.8, beta2=0.99),
                "kwargs": {"lr": 0.05, "beta1": 0.8, "beta2": 0.99, "eps": 1e-3}})
    out.append({"name": "no-momentum", "public": False, "category": "custom hyperparameters",
                "covers": ["hyperparameters", "bias-correction"], "args": _state(rng, (5,), 4, beta1=0.0),
                "kwargs": {"beta1": 0.0, "lr": 0.01}})
    out.append({"name": "large-gradients", "public": False, "category": "large gradients",
                "args": _state(rng, (10,), 7, g_scale=1e4)})
    out.append({"name": "four-dims", "public": False, "category": "multi-dimensional arrays",
                "covers": ["any-shape"], "args": _state(rng, (2, 3, 2, 4), 6)})
    out.append({"name": "large-input", "public": False, "category": "large input",
                "args": _state(rng, (256, 512), 500)})
    return out
