def bpe_merges(word_counts, num_merges):
    """Learns byte-pair-encoding merges.

    word_counts: dict word -> count (positive int); each word starts as its characters followed by the
    end-of-word symbol "</w>". Repeat up to num_merges times: count adjacent symbol pairs (weighted by word
    count), merge the most frequent pair everywhere (ties: the smallest pair in Python's tuple order),
    stop early when no pair remains. Returns the merges in order as a list of (left, right) string pairs.
    """
    raise NotImplementedError
