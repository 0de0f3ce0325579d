import numpy as np


def kmeans(X, k, init, max_iter=100):
    X = np.asarray(X, dtype=np.float64)
    n, d = X.shape
    centroids = np.array(init, dtype=np.float64)  # a float copy: integer init must not truncate the means
    labels = None
    for _ in range(max_iter):
        dist2 = np.zeros((n, k))                   # squared distances, one coordinate at a time
        for j in range(d):
            dist2 += (X[:, j, None] - centroids[None, :, j]) ** 2
        new_labels = np.argmin(dist2, axis=1)      # first minimum = lowest centroid index on ties
        if labels is not None and np.array_equal(new_labels, labels):
            break
        labels = new_labels
        counts = np.bincount(labels, minlength=k)
        sums = np.stack([np.bincount(labels, weights=X[:, j], minlength=k) for j in range(d)], axis=1)
        filled = counts > 0                        # an empty cluster keeps its previous centroid
        centroids[filled] = sums[filled] / counts[filled, None]
    return centroids, labels.astype(np.int64)
