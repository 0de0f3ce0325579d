"""Off by one in the positions: numbers them 1..max_len instead of 0..max_len-1, so row 0 is not
[0, 1, 0, 1, ...]."""
import numpy as np


def positional_encoding(max_len, d_model):
    pos = np.arange(1, max_len + 1, dtype=np.float64)[:, None]
    two_i = np.arange(0, d_model, 2, dtype=np.float64)
    angles = pos / np.power(10000.0, two_i / d_model)
    pe = np.empty((max_len, d_model))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles[:, : d_model // 2])
    return pe
