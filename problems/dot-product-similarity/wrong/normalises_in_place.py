"""Normalises the rows in place (A /= norms) after np.asarray(A, dtype=float), which returns the caller's own
array when it is already float64: the caller's A and B are overwritten."""
import numpy as np


def cosine_similarity(A, B):
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    na = np.linalg.norm(A, axis=1, keepdims=True)
    nb = np.linalg.norm(B, axis=1, keepdims=True)
    A /= np.where(na == 0.0, 1.0, na)
    B /= np.where(nb == 0.0, 1.0, nb)
    return A @ B.T
