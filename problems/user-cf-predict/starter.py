import numpy as np


def predict_ratings(R: np.ndarray, k: int) -> np.ndarray:
    """User-user collaborative filtering with cosine similarity.

    R: (n_users, n_items) float64 ratings, 0 = missing. k: number of neighbours (>= 1).
    For every user u and item i, predict the similarity-weighted average of the ratings given to i by the
    k users most similar to u among the OTHER users who rated i (ties -> lower user index), where the
    similarity is the cosine of the full rating rows (zeros included; 0 if either row is all zeros).
    If those weights sum to 0 (or nobody else rated i), predict u's mean over u's rated items (0.0 if none).
    Returns an (n_users, n_items) float64 array: every cell, rated or not. Do not modify R.
    """
    raise NotImplementedError
