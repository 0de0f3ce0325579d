"""Counts each distinct word once: the word counts are never used as weights."""


def bpe_merges(word_counts, num_merges):
    words = [list(word) + ["</w>"] for word in word_counts]
    merges = []
    for _ in range(num_merges):
        pairs = {}
        for symbols in words:
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] = pairs.get(pair, 0) + 1
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        merges.append(best)
        words = [_merge(symbols, best) for symbols in words]
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
