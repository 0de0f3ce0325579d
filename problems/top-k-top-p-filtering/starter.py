import numpy as np


def top_k_top_p(logits, k, p):
    """The sampling distribution after top-k, then top-p (nucleus) filtering.

    logits: (batch, vocab), float or integer dtype; k: int >= 1; p: float in (0, 1].
    Per row: softmax; keep the tokens whose logit is >= the k-th largest (ties kept); renormalise; keep the
    tokens whose strictly-larger-logit mass is < p; renormalise. Returns float64 (batch, vocab), zeros for
    removed tokens. Do not modify the inputs.
    """
    raise NotImplementedError
