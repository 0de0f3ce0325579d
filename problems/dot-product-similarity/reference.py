import numpy as np


def cosine_similarity(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    na = np.linalg.norm(A, axis=1, keepdims=True)
    nb = np.linalg.norm(B, axis=1, keepdims=True)
    # Zero rows stay zero after "normalising", so their similarities come out as 0.0.
    A_hat = A / np.where(na == 0.0, 1.0, na)
    B_hat = B / np.where(nb == 0.0, 1.0, nb)
    return A_hat @ B_hat.T
