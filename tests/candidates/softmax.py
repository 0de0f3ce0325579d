import numpy as np


def softmax(x, axis=-1):
    # log-softmax route: exp(x - logsumexp(x)), slice by slice along a moved axis
    moved = np.moveaxis(np.asarray(x, dtype=np.float64), axis, -1)
    flat = moved.reshape(-1, moved.shape[-1])
    out = np.empty_like(flat)
    for i, row in enumerate(flat):
        m = row.max()
        lse = m + np.log(np.exp(row - m).sum())
        out[i] = np.exp(row - lse)
    return np.moveaxis(out.reshape(moved.shape), -1, axis)
