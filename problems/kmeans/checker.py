"""Accepts any relabelling of the clusters: the partition must equal the reference's, and each returned
centroid must match the reference centroid of the cluster it names. Clusters that own no point (empty
clusters) are matched to the reference's empty clusters by position value."""
import numpy as np

from grader.checkers import compare, label_permutation

RTOL, ATOL = 1e-6, 1e-9


def _array(value, name):
    if isinstance(value, np.ndarray):
        return value, ""
    if isinstance(value, (list, tuple)):
        try:
            arr = np.asarray(value)
        except (TypeError, ValueError):
            return None, f"{name}: could not be read as an array"
        if arr.dtype.kind in "biuf":
            return arr, ""
    return None, f"{name}: expected a NumPy array, got {type(value).__name__}"


def check(args, kwargs, expected, got):
    exp_c, exp_l = expected
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return False, "expected a tuple (centroids, labels)"
    got_c, msg = _array(got[0], "centroids")
    if got_c is None:
        return False, msg
    got_l, msg = _array(got[1], "labels")
    if got_l is None:
        return False, msg
    if got_c.shape != exp_c.shape:
        return False, f"centroids: expected shape {exp_c.shape}, got {got_c.shape}"
    if got_c.dtype.kind != "f":
        return False, f"centroids: expected a float64 array, got dtype {got_c.dtype}"
    if not np.all(np.isfinite(got_c)):
        return False, "centroids: contains NaN or infinity"
    if got_l.shape != exp_l.shape:
        return False, f"labels: expected shape {exp_l.shape}, got {got_l.shape}"
    if got_l.dtype.kind not in "iu":
        return False, f"labels: expected an integer array, got dtype {got_l.dtype}"
    k = exp_c.shape[0]
    if got_l.size and (got_l.min() < 0 or got_l.max() >= k):
        return False, f"labels: values must lie in [0, {k})"
    mapping = label_permutation(exp_l, got_l)  # got label -> expected label
    if mapping is None:
        return False, "labels: the partition of the points differs from the expected one"
    # Permute the returned centroids into the expected order: clusters with points by the mapping, the
    # empty ones by matching their positions to the expected empty centroids.
    order = np.full(k, -1)
    for g, e in mapping.items():
        order[e] = g
    free_got = [g for g in range(k) if g not in mapping]
    for e in range(k):
        if order[e] != -1:
            continue
        match = next((g for g in free_got if np.allclose(got_c[g], exp_c[e], rtol=RTOL, atol=ATOL)), None)
        if match is None:
            return False, f"centroids: no returned empty cluster matches expected centroid {exp_c[e]!r}"
        free_got.remove(match)
        order[e] = match
    return compare(exp_c, got_c[order], rtol=RTOL, atol=ATOL, path="centroids")
