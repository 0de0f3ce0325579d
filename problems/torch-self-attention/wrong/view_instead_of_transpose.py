# "Transposes" k with view: same shape, wrong element order (view reinterprets memory, it does not transpose).
import math

import torch


def attention(q, k, v, mask=None):
    kt = k.view(*k.shape[:-2], k.shape[-1], k.shape[-2])
    scores = q @ kt / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, weights
