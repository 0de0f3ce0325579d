"""Counts a pair in a space-joined word with str.count(" a b "): str.count finds non-overlapping
matches, so in " a a a " the pair (a, a) is counted once instead of twice."""


def bpe_merges(word_counts, num_merges):
    words = [(list(word) + ["</w>"], count) for word, count in word_counts.items()]
    merges = []
    for _ in range(num_merges):
        pairs = {}
        for symbols, count in words:
            text = " " + " ".join(symbols) + " "
            for pair in zip(symbols, symbols[1:]):
                if pair not in pairs:
                    pairs[pair] = 0
            for pair in set(zip(symbols, symbols[1:])):
                pairs[pair] += text.count(" " + pair[0] + " " + pair[1] + " ") * count
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
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
