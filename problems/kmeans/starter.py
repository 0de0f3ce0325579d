import numpy as np


def kmeans(X: np.ndarray, k: int, init: np.ndarray, max_iter: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """Lloyd's k-means started from the centroids `init`.

    X: (n, d) points; init: (k, d) initial centroids; max_iter >= 1.
    Returns (centroids, labels): a float64 (k, d) array and an integer (n,) array with values in [0, k).
    Ties go to the lowest centroid index; an empty cluster keeps its previous centroid.
    """
    raise NotImplementedError
