"""Computes the positions, frequencies and angles in float32 (to save memory): at positions in the thousands
the float32 angle is off by ~1e-3 rad, far outside the tolerance."""
import numpy as np


def positional_encoding(max_len, d_model):
    pos = np.arange(max_len, dtype=np.float32)[:, None]
    two_i = np.arange(0, d_model, 2, dtype=np.float32)
    angles = pos / np.power(np.float32(10000.0), two_i / np.float32(d_model))
    pe = np.empty((max_len, d_model), dtype=np.float32)
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles[:, : d_model // 2])
    return pe.astype(np.float64)
