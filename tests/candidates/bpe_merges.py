"""Independent candidate for problems/bpe-merges: groups words by their current symbol tuple (identical
segmentations share a count), recounts pairs with a Counter each step, picks max by (freq, reversed order)
via sorting, and merges with a left-to-right scan that skips past each merged pair."""
from collections import Counter


def bpe_merges(word_counts, num_merges):
    vocab = Counter()
    for word, cnt in word_counts.items():
        vocab[tuple(word) + ("</w>",)] += cnt
    merges = []
    for _ in range(int(num_merges)):
        freq = Counter()
        for syms, cnt in vocab.items():
            for a, b in zip(syms, syms[1:]):
                freq[(a, b)] += cnt
        if not freq:
            break
        top = max(freq.values())
        pair = sorted(p for p, f in freq.items() if f == top)[0]
        a, b = pair
        new_vocab = Counter()
        for syms, cnt in vocab.items():
            out, i = [], 0
            while i < len(syms):
                if i + 1 < len(syms) and syms[i] == a and syms[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(syms[i])
                    i += 1
            new_vocab[tuple(out)] += cnt
        vocab = new_vocab
        merges.append((a, b))
    return merges
