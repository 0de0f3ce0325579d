"""Handles odd d_model by building the table for the even width d_model + 1 and dropping the last column:
the exponents become 2i / (d_model + 1) instead of 2i / d_model."""
import numpy as np


def positional_encoding(max_len, d_model):
    width = d_model + d_model % 2
    pos = np.arange(max_len, dtype=np.float64)[:, None]
    div = np.exp(np.arange(0, width, 2) * (-np.log(10000.0) / width))
    pe = np.zeros((max_len, width))
    pe[:, 0::2] = np.sin(pos * div)
    pe[:, 1::2] = np.cos(pos * div)
    return pe[:, :d_model]
