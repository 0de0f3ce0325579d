"""Loops over the d_model // 2 (sin, cos) pairs only: for odd d_model the last sine column is left at 0
(and d_model = 1 gives an all-zero column)."""
import numpy as np


def positional_encoding(max_len, d_model):
    pos = np.arange(max_len, dtype=np.float64)
    pe = np.zeros((max_len, d_model))
    for i in range(d_model // 2):
        freq = 10000.0 ** (-2 * i / d_model)
        pe[:, 2 * i] = np.sin(pos * freq)
        pe[:, 2 * i + 1] = np.cos(pos * freq)
    return pe
