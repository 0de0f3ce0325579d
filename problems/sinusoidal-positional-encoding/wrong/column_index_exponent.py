"""Uses each column's own index j in the exponent, so cosine column 2i+1 gets the frequency of (2i+1)
instead of sharing the frequency of its sine partner 2i."""
import numpy as np


def positional_encoding(max_len, d_model):
    pos = np.arange(max_len)[:, None]
    j = np.arange(d_model)
    angles = pos / np.power(10000.0, j / d_model)
    return np.where(j % 2 == 0, np.sin(angles), np.cos(angles))
