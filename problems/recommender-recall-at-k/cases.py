import numpy as np


def _dataset(seed, n_users, n_items, n_clusters, mean_items, focus, holdout=0.2, users_subset=None):
    """Implicit feedback with latent tastes: items belong to genres and have heavy-tailed popularity;
    each user spends `focus` of their interactions in a primary genre, 0.15 in a secondary one and the
    rest spread over all genres; within a genre, items are picked in proportion to popularity.
    About `holdout` of every user's interactions (at least one) are held out as the target."""
    rng = np.random.default_rng(seed)
    genre = rng.integers(n_clusters, size=n_items)
    pop = rng.pareto(1.2, n_items) + 1.0
    genre_mass = np.bincount(genre, weights=pop, minlength=n_clusters)
    primary = rng.integers(n_clusters, size=n_users)
    secondary = (primary + rng.integers(1, n_clusters, size=n_users)) % n_clusters
    pairs, held = [], []
    for u in range(n_users):
        theta = np.full(n_clusters, (1.0 - focus - 0.15) / n_clusters)
        theta[primary[u]] += focus
        theta[secondary[u]] += 0.15
        p = theta[genre] * pop / genre_mass[genre]
        n_u = min(n_items // 3, int(rng.geometric(1.0 / mean_items)) + 4)
        items = rng.permutation(rng.choice(n_items, size=n_u, replace=False, p=p / p.sum()))
        n_hold = max(1, int(round(holdout * n_u)))
        held.append(np.sort(items[:n_hold]).astype(np.int64))
        pairs.extend((u, int(i)) for i in items[n_hold:])
    train = np.array(pairs, dtype=np.int64)[rng.permutation(len(pairs))]
    users = rng.permutation(n_users) if users_subset is None else \
        np.sort(rng.choice(n_users, size=users_subset, replace=False))
    return train, users.astype(np.int64), [held[u] for u in users]


def _example():
    # Two genres: items 0-11 ("action") and 12-23 ("drama"). Users 0-2 watch action, users 3-5 drama;
    # item 0 and item 12 are the blockbusters of their genre.
    watched = {
        0: [0, 1, 2, 3, 4, 5],
        1: [0, 2, 4, 6, 7],
        2: [0, 1, 3, 6, 8, 9],
        3: [12, 13, 14, 15, 16, 0],
        4: [12, 14, 16, 18, 19],
        5: [12, 13, 15, 18, 20, 21],
    }
    target = {0: [6, 8], 1: [1, 3], 2: [2, 10], 3: [18, 20], 4: [13, 15], 5: [14, 22]}
    train = np.array([(u, i) for u, items in watched.items() for i in items], dtype=np.int64)
    users = np.arange(6, dtype=np.int64)
    return train, users, [np.array(target[u], dtype=np.int64) for u in range(6)]


def cases():
    out = []
    train, users, target = _example()
    out.append({"name": "example-two-genres", "public": True,
                "args": [train, 6, 24, users, 10], "target": target})
    train, users, target = _dataset(20261126, 1000, 500, 12, 30, focus=0.75)
    out.append({"name": "movies-1000x500", "public": False,
                "args": [train, 1000, 500, users, 10], "target": target})
    train, users, target = _dataset(20261127, 800, 600, 10, 20, focus=0.65, users_subset=600)
    out.append({"name": "sparse-800x600-subset", "public": False,
                "args": [train, 800, 600, users, 10], "target": target})
    return out
