import numpy as np


def cosine_similarity(A, B):
    A = np.asarray(A, dtype=np.float64)
    B = np.asarray(B, dtype=np.float64)
    dots = np.einsum("ik,jk->ij", A, B)
    norm_a = np.sqrt(np.einsum("ik,ik->i", A, A))
    norm_b = np.sqrt(np.einsum("jk,jk->j", B, B))
    denom = norm_a[:, None] * norm_b[None, :]
    out = np.zeros_like(dots)
    np.divide(dots, denom, out=out, where=denom > 0)
    return out
