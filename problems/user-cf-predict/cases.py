import numpy as np


def _random_ratings(rng, n_users, n_items, density, step=0.1):
    """Ratings on a grid of `step` in [0.5, 5] with taste structure: users and items in a few groups;
    in-group ratings run higher. A fine grid keeps exact similarity ties out of the random cases, so
    floating-point rounding never decides which neighbours are chosen."""
    groups = 4
    ug = rng.integers(groups, size=n_users)
    ig = rng.integers(groups, size=n_items)
    base = np.where(ug[:, None] == ig[None, :], 4.0, 2.2) + rng.normal(0, 0.8, (n_users, n_items))
    ratings = np.clip(np.round(base / step) * step, 0.5, 5.0)
    observed = rng.random((n_users, n_items)) < density
    return np.where(observed, ratings, 0.0)


def cases():
    rng = np.random.default_rng(20261125)

    # Users 1 and 2 have exactly equal similarity to user 0 (dot 16, squared norm 41) but rate item 2
    # differently (3 vs 4); with k=1 the tie must go to the lower index, user 1.
    tie = np.array([
        [4.0, 4.0, 0.0, 0.0, 0.0, 0.0],
        [4.0, 0.0, 3.0, 4.0, 0.0, 0.0],
        [0.0, 4.0, 4.0, 3.0, 0.0, 0.0],
        [1.0, 0.0, 0.0, 0.0, 5.0, 2.0],
        [0.0, 0.0, 2.0, 0.0, 3.0, 5.0],
    ])
    # Users 1, 2, 3 are exactly tied for user 0 (dot 9, squared norm 29) and rate item 3 as 2, 4, 4:
    # with k=2 user 0's prediction for item 3 is (2 + 4) / 2 = 3, from users 1 and 2.
    tie3 = np.array([
        [3.0, 3.0, 3.0, 0.0, 0.0],
        [3.0, 0.0, 0.0, 2.0, 4.0],
        [0.0, 3.0, 0.0, 4.0, 2.0],
        [0.0, 0.0, 3.0, 4.0, 2.0],
        [1.0, 1.0, 0.0, 0.0, 5.0],
    ])
    # Two blocks of users with disjoint items: similarities across the blocks are exactly 0.
    blocks = np.zeros((6, 6))
    blocks[:3, :3] = [[5, 4, 0], [4, 0, 2], [0, 3, 3]]
    blocks[3:, 3:] = [[1, 2, 5], [2, 0, 4], [0, 1, 1]]
    zero_users = _random_ratings(rng, 12, 9, 0.4)
    zero_users[[0, 5, 11]] = 0.0
    empty_items = _random_ratings(rng, 10, 12, 0.35)
    empty_items[:, [2, 7, 8]] = 0.0

    return [
        {"name": "example-4x5-k2", "public": True,
         "args": [np.array([[5.0, 3.0, 0.0, 1.0, 0.0],
                            [4.0, 0.0, 0.0, 1.0, 2.0],
                            [1.0, 1.0, 0.0, 5.0, 4.0],
                            [0.0, 0.0, 5.0, 4.0, 0.0]]), 2]},
        {"name": "example-fallbacks", "public": True,
         "args": [np.array([[0.0, 0.0, 0.0, 0.0],
                            [3.0, 0.0, 4.0, 0.0],
                            [0.0, 5.0, 0.0, 0.0]]), 5]},
        {"name": "tie-lower-index-k1", "public": False, "args": [tie, 1]},
        {"name": "tie-three-way-k2", "public": False, "args": [tie3, 2]},
        {"name": "single-user", "public": False, "args": [np.array([[3.0, 0.0, 5.0, 1.0]]), 3]},
        {"name": "all-missing", "public": False, "args": [np.zeros((3, 4)), 2]},
        {"name": "no-overlap-blocks", "public": False, "args": [blocks, 2]},
        {"name": "zero-norm-users", "public": False, "args": [zero_users, 3]},
        {"name": "items-nobody-rated", "public": False, "args": [empty_items, 2]},
        {"name": "k-1", "public": False, "args": [_random_ratings(rng, 15, 10, 0.5), 1]},
        {"name": "k-exceeds-users", "public": False, "args": [_random_ratings(rng, 8, 11, 0.5), 50]},
        {"name": "half-stars-nonsquare", "public": False,
         "args": [_random_ratings(rng, 25, 60, 0.3, step=0.5), 4]},
        {"name": "dense-small", "public": False, "args": [_random_ratings(rng, 30, 20, 0.9), 5]},
        # Timing: a pure-Python loop over (user, item, neighbour) does not finish in time.
        {"name": "large-sparse", "public": False, "args": [_random_ratings(rng, 400, 300, 0.08), 20]},
    ]
