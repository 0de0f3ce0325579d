import numpy as np


def mmr_select(query: np.ndarray, docs: np.ndarray, k: int, lam: float) -> np.ndarray:
    """Indices of min(k, n) documents picked by maximal marginal relevance, in pick order.

    sim = cosine similarity (0 for a zero vector). First pick: the most relevant document. Then
    argmax over unpicked i of lam * sim(query, docs[i]) - (1 - lam) * max over picked j of sim(docs[i], docs[j]).
    Scores within 1e-9 of the best tie; the lowest index wins. Do not modify the inputs.
    """
    raise NotImplementedError
