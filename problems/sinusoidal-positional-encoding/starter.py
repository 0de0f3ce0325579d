import numpy as np


def positional_encoding(max_len: int, d_model: int) -> np.ndarray:
    """The Transformer's sinusoidal positional encoding.

    Returns a float64 array PE of shape (max_len, d_model) with, for every position pos and 2i < d_model,
    PE[pos, 2i] = sin(pos / 10000**(2i / d_model)) and, when 2i + 1 < d_model,
    PE[pos, 2i + 1] = cos(pos / 10000**(2i / d_model)).
    """
    raise NotImplementedError
