"""Concatenates all sines then all cosines ([sin | cos]) instead of interleaving sin, cos, sin, cos."""
import numpy as np


def positional_encoding(max_len, d_model):
    pos = np.arange(max_len)[:, None]
    two_i = np.arange(0, d_model, 2)
    angles = pos / np.power(10000.0, two_i / d_model)
    return np.concatenate([np.sin(angles), np.cos(angles[:, : d_model // 2])], axis=1)
