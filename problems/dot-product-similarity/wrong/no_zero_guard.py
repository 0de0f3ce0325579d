"""Divides by the product of the norms without a zero-row guard: 0/0 gives nan for zero rows."""
import numpy as np


def cosine_similarity(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    return (A @ B.T) / np.outer(np.linalg.norm(A, axis=1), np.linalg.norm(B, axis=1))
