import numpy as np


def positional_encoding(max_len, d_model):
    pos = np.arange(max_len, dtype=np.float64)[:, None]
    two_i = np.arange(0, d_model, 2, dtype=np.float64)            # 2i for every sin column
    angles = pos / np.power(10000.0, two_i / d_model)            # (max_len, ceil(d_model / 2))
    pe = np.empty((max_len, d_model), dtype=np.float64)
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles[:, : d_model // 2])
    return pe
