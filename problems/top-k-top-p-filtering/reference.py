import numpy as np


def top_k_top_p(logits, k, p):
    z = np.asarray(logits, dtype=np.float64)
    rows, vocab = z.shape
    keep = np.ones(z.shape, dtype=bool)
    if k < vocab:
        kth = -np.partition(-z, k - 1, axis=1)[:, k - 1:k]    # the k-th largest logit of each row
        keep = z >= kth                                        # ties with it survive too
    masked = np.where(keep, z, -np.inf)
    probs = _softmax(masked)                                    # renormalised over the top-k survivors

    order = np.argsort(-masked, axis=1, kind="stable")          # equal logits end up next to each other
    zs = np.take_along_axis(masked, order, axis=1)
    ps = np.take_along_axis(probs, order, axis=1)
    before = np.concatenate([np.zeros((rows, 1)), np.cumsum(ps, axis=1)[:, :-1]], axis=1)
    # mass strictly above a token = the cumulative mass before the first token of its tie group
    col = np.arange(vocab)
    starts = np.concatenate([np.ones((rows, 1), dtype=bool), zs[:, 1:] != zs[:, :-1]], axis=1)
    first = np.maximum.accumulate(np.where(starts, col, 0), axis=1)
    nucleus_sorted = np.take_along_axis(before, first, axis=1) < p
    nucleus = np.empty_like(nucleus_sorted)
    np.put_along_axis(nucleus, order, nucleus_sorted, axis=1)

    out = np.where(keep & nucleus, probs, 0.0)
    return out / out.sum(axis=1, keepdims=True)


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
