"""Keeps each word as a space-separated string and merges with str.replace("a b", "ab"): the text also
matches where a symbol merely ends with "a" or the next one starts with "b", gluing parts of longer
symbols."""


def bpe_merges(word_counts, num_merges):
    words = {" ".join(list(word) + ["</w>"]): count for word, count in word_counts.items()}
    merges = []
    for _ in range(num_merges):
        pairs = {}
        for text, count in words.items():
            symbols = text.split(" ")
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] = pairs.get(pair, 0) + count
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        merges.append(best)
        merged = {}
        for text, count in words.items():
            key = text.replace(best[0] + " " + best[1], best[0] + best[1])
            merged[key] = merged.get(key, 0) + count
        words = merged
    return merges
