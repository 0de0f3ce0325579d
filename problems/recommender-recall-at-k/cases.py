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


def _edge_dataset(seed, n_users=40, n_items=60, k=10):
    """A small dataset drawn like the others, then given the statement's edge cases: three items that no
    user has in train (their interactions were all held out), a user with no training interactions at
    all (the highest user id: everything it watched was held out), and user 0 with exactly k unseen items
    (it watched every other item that appears in train)."""
    train, order, target = _dataset(seed, n_users, n_items, 3, 8, focus=0.7)
    held = {int(u): set(target[j].tolist()) for j, u in enumerate(order)}
    rng = np.random.default_rng(seed + 1)
    seen = {u: set() for u in range(n_users)}
    for u, i in train.tolist():
        seen[u].add(i)
    never = set(rng.choice(n_items, size=3, replace=False).tolist())
    for u in range(n_users):                     # interactions with the never-seen items were all held out
        held[u] |= seen[u] & never
        seen[u] -= never
    cold = n_users - 1                           # all of its interactions were held out
    held[cold] |= seen[cold]
    seen[cold] = set()
    others = [i for i in range(n_items) if i not in never]
    unseen0 = set(rng.choice(others, size=k - len(never), replace=False).tolist()) | never
    held[0] = {i for i in held[0] if i in unseen0} or {min(unseen0 - never)}
    seen[0] = set(range(n_items)) - unseen0      # exactly k unseen items
    pairs = [(u, i) for u in range(n_users) for i in sorted(seen[u])]
    train = np.array(pairs, dtype=np.int64)[rng.permutation(len(pairs))]
    users = rng.permutation(n_users).astype(np.int64)
    return train, users, [np.array(sorted(held[u]), dtype=np.int64) for u in users]


def cases():
    out = []
    train, users, target = _example()
    out.append({"name": "example-two-genres", "public": True,
                "args": [train, 6, 24, users, 10], "target": target})
    train, users, target = _dataset(20261126, 1000, 500, 12, 30, focus=0.75)
    out.append({"name": "movies-1000x500", "public": False, "category": "all users in shuffled order",
                "covers": ["users-shuffled"],
                "args": [train, 1000, 500, users, 10], "target": target})
    train, users, target = _dataset(20261127, 800, 600, 10, 20, focus=0.65, users_subset=600)
    out.append({"name": "sparse-800x600-subset", "public": False, "category": "sparse data, subset of users",
                "covers": ["users-subset"],
                "args": [train, 800, 600, users, 10], "target": target})
    train, users, target = _edge_dataset(20261202)
    out.append({"name": "edge-cold-user-full-user", "public": False, "category": "cold users and never-seen items",
                "covers": ["never-seen-items", "cold-user", "exactly-k-unseen", "users-shuffled"],
                "args": [train, 40, 60, users, 10], "target": target})
    return out


def draw_case(draw):
    """One small input from the declared space, with its target: int64 (user, item) pairs in random order,
    every user with at least k = 10 unseen items (some with exactly 10) and a non-empty held-out target
    among them; users with no training rows and items nobody has; `users` either every user shuffled or a
    sorted subset."""
    import hypothesis.strategies as st

    k = 10
    n_users = draw(st.integers(1, 6))
    n_items = draw(st.integers(k, k + 12))
    seen, held = [], []
    for _ in range(n_users):
        items = draw(st.permutations(list(range(n_items))))
        n_seen = draw(st.integers(0, n_items - k))            # leaves at least k unseen items
        n_held = draw(st.integers(1, n_items - n_seen))
        seen.append(sorted(items[:n_seen]))
        held.append(sorted(items[n_seen:n_seen + n_held]))
    pairs = [(u, i) for u in range(n_users) for i in seen[u]]
    pairs = draw(st.permutations(pairs)) if pairs else pairs
    train = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    if draw(st.booleans()):
        users = draw(st.permutations(list(range(n_users))))
    else:
        users = sorted(draw(st.sets(st.integers(0, n_users - 1), min_size=1)))
    return {"args": [train, n_users, n_items, np.array(users, dtype=np.int64), k], "kwargs": {},
            "target": [np.array(held[u], dtype=np.int64) for u in users]}
