import numpy as np


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """Softmax of x along `axis`, stable for very large and very negative logits.

    Returns a float64 array of x's shape whose slices along `axis` sum to 1. Do not modify x.
    """
    raise NotImplementedError
