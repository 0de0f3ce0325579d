import numpy as np


def _case(name, rng, x_shape, out_features, *, public=False, covers=(), category="", upstream=None):
    """x: x_shape (..., in); weight: (out, in) scaled like nn.Linear's init; bias: (out,); an upstream
    gradient of the output's shape, all float64 normal draws."""
    in_features = x_shape[-1]
    x = rng.normal(0.0, 1.0, x_shape)
    weight = rng.normal(0.0, 1.0 / np.sqrt(in_features), (out_features, in_features))
    bias = rng.normal(0.0, 1.0, out_features)
    if upstream is None:
        upstream = rng.normal(0.0, 1.0, x_shape[:-1] + (out_features,))
    return {"name": name, "public": public, "covers": list(covers), "category": category, "args": [x, weight, bias],
            "upstream": np.asarray(upstream, dtype=np.float64)}


def _cancellation():
    """Outputs and bias gradients that float64 keeps and float32 loses: x entries 1 + k 2^-26 (float32
    rounds them to 1), weights and bias that cancel the leading 1s, and upstream rows whose sum over the
    batch cancels to 2^-25."""
    e = 2.0 ** -26
    x = np.array([[1.0 + e, 1.0 - 2 * e, 1.0 + 3 * e],
                  [1.0 - e, 1.0 + e, 1.0],
                  [1.0 + 2 * e, 1.0, 1.0 - 3 * e],
                  [1.0, 1.0 - e, 1.0 + e]])
    weight = np.array([[1.0, 1.0, 1.0], [1.0, -1.0, 0.5], [0.25, 0.5, -0.75]])
    bias = np.array([-3.0, -0.5, 0.0])
    upstream = np.array([[1.0 + 2 * e, -1.0, 0.5],
                         [-1.0, 1.0 + 2 * e, -0.5],
                         [1.0, -1.0, 0.25 + e],
                         [-1.0, 1.0, -0.25]])
    return {"name": "float64-cancellation", "public": False, "category": "values that cancel",
            "covers": ["float64-precision", "square-weight"], "args": [x, weight, bias], "upstream": upstream}


def cases():
    rng = np.random.default_rng(20261203)
    example_1 = {"name": "example-ones-upstream", "public": True, "covers": [],
                 "args": [np.array([[1.0, 2.0, 0.0], [0.0, 1.0, -1.0]]),
                          np.array([[1.0, 0.0, 2.0], [-1.0, 1.0, 0.5]]),
                          np.array([0.5, -1.0])],
                 "upstream": np.ones((2, 2))}
    example_2 = {"name": "example-weighted-upstream", "public": True, "covers": [],
                 "args": [np.array([[1.0, -1.0], [2.0, 0.5], [0.0, 3.0]]),
                          np.array([[1.0, 2.0], [0.0, -1.0], [0.5, 0.5], [-2.0, 1.0]]),
                          np.array([0.0, 1.0, -1.0, 2.0])],
                 "upstream": np.array([[1.0, 0.0, -1.0, 2.0], [0.5, 1.0, 0.0, -1.0], [2.0, -1.0, 1.0, 0.0]])}
    return [
        example_1,
        example_2,
        _case("batch-5x4-to-3", rng, (5, 4), 3, covers=["non-square-weight"], category="batch of samples"),
        _case("batch-6x5-to-5", rng, (6, 5), 5, covers=["square-weight"], category="square weight"),
        _case("vector-4-to-3", rng, (4,), 3, covers=["vector-input", "non-square-weight"],
              category="single sample vector"),
        _case("vector-3-to-3", rng, (3,), 3, covers=["vector-input", "square-weight"], category="single sample vector"),
        _case("sequence-2x3x4-to-5", rng, (2, 3, 4), 5, covers=["sequence-batch", "non-square-weight"],
              category="sequence batch"),
        _case("sequence-3x2x4-to-4", rng, (3, 2, 4), 4, covers=["sequence-batch", "square-weight"],
              category="sequence batch"),
        _case("batch-of-one", rng, (1, 5), 3, covers=["batch-of-one", "non-square-weight"],
              category="batch of one row"),
        _case("single-output", rng, (6, 4), 1, covers=["single-output", "non-square-weight"],
              category="single output feature"),
        _case("single-input-feature", rng, (5, 1), 3, covers=["single-input-feature", "non-square-weight"],
              category="single input feature"),
        _case("one-by-one", rng, (3, 1), 1, covers=["single-output", "single-input-feature", "square-weight"],
              category="single input and output feature"),
        _case("batch-8x16-to-12", rng, (8, 16), 12, covers=["non-square-weight"], category="batch of samples"),
        _cancellation(),
    ]
