import numpy as np


def cosine_similarity(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Pairwise cosine similarity between the rows of A (n, d) and the rows of B (m, d).

    Returns a float64 array S of shape (n, m) with S[i, j] = cos(A[i], B[j]).
    A row that is all zeros has similarity 0.0 with every row of the other matrix.
    """
    raise NotImplementedError
