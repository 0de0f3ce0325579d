"""Picks the most frequent pair with max(pairs, key=pairs.get): on a tie that is the pair seen first
(dict insertion order), not the lexicographically smallest one."""


def bpe_merges(word_counts, num_merges):
    words = [(list(word) + ["</w>"], count) for word, count in word_counts.items()]
    merges = []
    for _ in range(num_merges):
        pairs = {}
        for symbols, count in words:
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] = pairs.get(pair, 0) + count
        if not pairs:
            break
        best = max(pairs, key=pairs.get)
        merges.append(best)
        words = [(_merge(symbols, best), count) for symbols, count in words]
    return merges


def _merge(symbols, pair):
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out
