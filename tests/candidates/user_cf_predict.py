"""Independent candidate: loop over items; for each item, rank its raters for all users at once with a
stable argsort on a (users x raters) similarity block."""
import numpy as np


def predict_ratings(R, k):
    R = np.asarray(R, dtype=float)
    n_users, n_items = R.shape
    has = R > 0
    unit = np.zeros_like(R)
    nz = np.linalg.norm(R, axis=1) > 0
    unit[nz] = R[nz] / np.linalg.norm(R[nz], axis=1, keepdims=True)
    sim = unit @ unit.T                      # zero rows stay zero

    n_rated = has.sum(axis=1)
    fallback = np.zeros(n_users)
    fallback[n_rated > 0] = R.sum(axis=1)[n_rated > 0] / n_rated[n_rated > 0]

    out = np.repeat(fallback[:, None], n_items, axis=1)
    for i in range(n_items):
        raters = np.flatnonzero(has[:, i])   # ascending user index
        if raters.size == 0:
            continue
        block = sim[:, raters].copy()        # (n_users, n_raters)
        self_pos = np.full(n_users, -1)
        self_pos[raters] = np.arange(raters.size)
        is_self = np.arange(raters.size)[None, :] == self_pos[:, None]
        block[is_self] = -np.inf             # never one's own neighbour
        # Stable sort on -similarity: equal similarities keep ascending user order.
        rank = np.argsort(-block, axis=1, kind="stable")[:, :k]
        w = np.take_along_axis(block, rank, axis=1)
        r = R[raters[rank], i]
        valid = np.isfinite(w)
        w = np.where(valid, w, 0.0)
        den = np.abs(w).sum(axis=1)
        num = (w * r).sum(axis=1)
        ok = den > 0
        out[ok, i] = num[ok] / den[ok]
    return out
