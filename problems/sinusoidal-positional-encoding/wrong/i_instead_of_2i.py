"""Uses the pair index i instead of 2i in the exponent: frequencies 10000**(-i/d_model) decay too slowly."""
import numpy as np


def positional_encoding(max_len, d_model):
    pos = np.arange(max_len)[:, None]
    i = np.arange((d_model + 1) // 2)
    angles = pos / np.power(10000.0, i / d_model)
    pe = np.zeros((max_len, d_model))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles[:, : d_model // 2])
    return pe
