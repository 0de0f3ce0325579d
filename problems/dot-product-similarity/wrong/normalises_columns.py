"""Normalises the columns (axis=0) instead of the rows, so the results are not cosines of the rows."""
import numpy as np


def cosine_similarity(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    na = np.linalg.norm(A, axis=0, keepdims=True)
    nb = np.linalg.norm(B, axis=0, keepdims=True)
    A = A / np.where(na == 0, 1.0, na)
    B = B / np.where(nb == 0, 1.0, nb)
    return A @ B.T
