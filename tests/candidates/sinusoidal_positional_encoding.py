"""Independent candidate: frequencies via exp(-log(10000) * 2i / d), filled one column at a time."""
import math

import numpy as np


def positional_encoding(max_len, d_model):
    positions = np.arange(max_len, dtype=float)
    out = np.zeros((max_len, d_model))
    for col in range(d_model):
        even = col - (col % 2)                       # 2i for both members of the pair
        freq = math.exp(-math.log(10000.0) * even / d_model)
        out[:, col] = np.sin(positions * freq) if col % 2 == 0 else np.cos(positions * freq)
    return out
