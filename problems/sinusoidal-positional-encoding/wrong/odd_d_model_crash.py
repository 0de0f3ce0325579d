"""Assumes d_model is even: for odd d_model the cosine assignment has the wrong number of columns and
raises (ValueError: could not broadcast)."""
import numpy as np


def positional_encoding(max_len, d_model):
    pos = np.arange(max_len)[:, None]
    div = np.exp(np.arange(0, d_model, 2) * (-np.log(10000.0) / d_model))
    pe = np.zeros((max_len, d_model))
    pe[:, 0::2] = np.sin(pos * div)
    pe[:, 1::2] = np.cos(pos * div)
    return pe
