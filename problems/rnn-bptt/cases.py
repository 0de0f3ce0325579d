import numpy as np


def _rnn(rng, name, T, N, D, H, *, category, covers=(), w_scale=1.0, last_only=False):
    W_hh = rng.normal(0.0, w_scale / np.sqrt(H), (H, H))
    dh = rng.normal(size=(T, N, H))
    if last_only:
        dh[:-1] = 0.0
    return {"name": name, "public": False, "category": category, "covers": list(covers),
            "args": [rng.normal(size=(T, N, D)), rng.normal(0.0, 0.5, (N, H)),
                     rng.normal(0.0, 1.0 / np.sqrt(D), (D, H)), W_hh, rng.normal(0.0, 0.1, H), dh]}


def cases():
    rng = np.random.default_rng(20261301)
    out = [
        {"name": "example-two-steps", "public": True,
         "args": [np.array([[[1.0]], [[-0.5]]]), np.array([[0.0, 0.5]]), np.array([[0.5, -0.25]]),
                  np.array([[0.5, 0.25], [-0.5, 1.0]]), np.array([0.0, 0.125]),
                  np.array([[[1.0, 0.0]], [[0.5, -1.0]]])]},
        {"name": "example-last-step-loss", "public": True,
         "args": [np.array([[[1.0, 0.0], [0.0, 1.0]], [[0.5, 0.5], [-1.0, 0.0]], [[0.0, -0.5], [0.25, 0.25]]]),
                  np.zeros((2, 2)), np.array([[0.5, -0.5], [0.25, 1.0]]),
                  np.array([[0.0, 1.0], [-0.5, 0.25]]), np.array([0.1, -0.1]),
                  np.array([[[0.0, 0.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]], [[1.0, -1.0], [0.5, 2.0]]])]},
        _rnn(rng, "random-square", 6, 3, 4, 4, category="random inputs", covers=()),
        _rnn(rng, "random-nonsquare", 7, 4, 3, 5, category="random inputs", covers=["non-square"]),
        _rnn(rng, "random-wide-input", 5, 2, 9, 3, category="random inputs", covers=["non-square"]),
        _rnn(rng, "one-step", 1, 3, 2, 4, category="single time step", covers=["single-step", "non-square"]),
        _rnn(rng, "one-step-one-sequence", 1, 1, 3, 3, category="single time step",
             covers=["single-step", "batch-of-one"]),
        _rnn(rng, "one-sequence", 8, 1, 2, 3, category="batch of one", covers=["batch-of-one", "non-square"]),
        _rnn(rng, "last-step-only", 9, 3, 3, 4, category="loss at the last step only",
             covers=["last-step-loss", "non-square"], w_scale=1.5, last_only=True),
        _rnn(rng, "last-step-only-long", 25, 2, 4, 4, category="loss at the last step only",
             covers=["last-step-loss"], w_scale=1.2, last_only=True),
        _rnn(rng, "strong-recurrence", 12, 3, 2, 5, category="long sequences", covers=["non-square"], w_scale=2.0),
        _rnn(rng, "long-sequence", 60, 2, 3, 6, category="long sequences", covers=["non-square"], w_scale=1.0),
        _rnn(rng, "large-input", 100, 16, 32, 48, category="large input", covers=["non-square"]),
    ]
    # Saturated units: biases of +-40 push units 0 and 2 to tanh = +-1 exactly at every step; a derivative
    # taken from the pre-activation (1 - a^2) is then hugely negative instead of 0.
    case = _rnn(rng, "saturated-units", 6, 3, 3, 4, category="saturated tanh", covers=["saturated-units", "non-square"])
    case["args"][4][[0, 2]] = [40.0, -40.0]
    out.append(case)
    case = _rnn(rng, "saturated-initial-step", 4, 2, 2, 3, category="saturated tanh",
                covers=["saturated-units", "non-square"])
    case["args"][0][0] *= 60.0  # the first step saturates through its input, the rest do not
    out.append(case)
    # Zero initial state and zero biases: h_0 @ W_hh contributes nothing at the first step, so code that
    # pairs dz_t with h_t instead of h_{t-1} differs only from the second step on.
    case = _rnn(rng, "zero-initial-state", 5, 2, 3, 3, category="random inputs")
    case["args"][1][:] = 0.0
    out.append(case)
    return out


def draw_case(draw):
    """One input from the declared space: small T, N, D, H, values m / 8 with |m| <= 16 (so pre-activations
    are exact), an upstream that is sometimes zero before the last step, biases that sometimes saturate."""
    import hypothesis.strategies as st
    import hypothesis.extra.numpy as hnp

    T, N, D, H = (draw(st.integers(1, 4)) for _ in range(4))

    def arr(shape):
        return draw(hnp.arrays(np.int64, shape, elements=st.integers(-16, 16))).astype(np.float64) / 8.0

    x, h0, W_xh, W_hh, b, dh = arr((T, N, D)), arr((N, H)), arr((D, H)), arr((H, H)), arr((H,)), arr((T, N, H))
    if draw(st.booleans()):
        dh[:-1] = 0.0
    if draw(st.booleans()):
        b[0] = draw(st.sampled_from([40.0, -40.0]))
    return {"args": [x, h0, W_xh, W_hh, b, dh], "kwargs": {}}
