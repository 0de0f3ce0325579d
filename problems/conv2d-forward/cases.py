import numpy as np


def _case(rng, name, n, c_in, h, w, c_out, kh, kw, stride=1, padding=0):
    kwargs = {}
    if stride != 1:
        kwargs["stride"] = stride
    if padding != 0:
        kwargs["padding"] = padding
    return {"name": name, "public": False,
            "args": [rng.normal(size=(n, c_in, h, w)), rng.normal(size=(c_out, c_in, kh, kw)),
                     rng.normal(size=c_out)], "kwargs": kwargs}


def cases():
    rng = np.random.default_rng(20261203)
    out = [
        {"name": "example-3x3-2x2", "public": True,
         "args": [np.arange(9.0).reshape(1, 1, 3, 3), np.array([[[[1.0, 2.0], [0.0, -1.0]]]]), np.array([0.5])]},
        {"name": "example-stride2-pad1", "public": True,
         "args": [np.arange(16.0).reshape(1, 1, 4, 4), np.ones((1, 1, 3, 3)), np.array([0.0])],
         "kwargs": {"stride": 2, "padding": 1}},
        _case(rng, "multichannel-nonsquare", 2, 3, 5, 7, 4, 2, 3),
        _case(rng, "stride2-pad1-nonsquare", 2, 2, 7, 6, 3, 3, 3, stride=2, padding=1),
        _case(rng, "stride3-remainder", 1, 2, 8, 10, 2, 3, 2, stride=3),
        _case(rng, "tall-kernel-pad2", 3, 1, 6, 5, 2, 5, 1, padding=2),
        _case(rng, "pointwise-1x1-stride2", 2, 4, 5, 5, 3, 1, 1, stride=2),
        _case(rng, "kernel-covers-input", 2, 3, 4, 3, 5, 4, 3),
        _case(rng, "kernel-larger-than-input-padded", 1, 2, 2, 2, 2, 3, 3, padding=1),
        _case(rng, "pad3-stride2-asymmetric-kernel", 2, 3, 9, 4, 2, 2, 4, stride=2, padding=3),
        {"name": "integers", "public": False,
         "args": [rng.integers(-5, 6, size=(2, 2, 5, 6)), rng.integers(-3, 4, size=(3, 2, 3, 2)),
                  rng.integers(-2, 3, size=3)], "kwargs": {"padding": 1}},
        _case(rng, "large-4x16x32x32-k5", 4, 16, 32, 32, 32, 5, 5, padding=2),
    ]
    return out
