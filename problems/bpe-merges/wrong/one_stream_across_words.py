"""Puts all words into one stream of symbols (word after word, each weighted by its count), so the
"</w>" of one word pairs with the first letter of the next and merges can span two words."""


def bpe_merges(word_counts, num_merges):
    stream, weights = [], []
    for word, count in word_counts.items():
        for symbol in list(word) + ["</w>"]:
            stream.append(symbol)
            weights.append(count)
    merges = []
    for _ in range(num_merges):
        pairs = {}
        for i in range(len(stream) - 1):
            pair = (stream[i], stream[i + 1])
            pairs[pair] = pairs.get(pair, 0) + weights[i]
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        merges.append(best)
        new_stream, new_weights, i = [], [], 0
        while i < len(stream):
            if i + 1 < len(stream) and (stream[i], stream[i + 1]) == best:
                new_stream.append(stream[i] + stream[i + 1])
                new_weights.append(weights[i])
                i += 2
            else:
                new_stream.append(stream[i])
                new_weights.append(weights[i])
                i += 1
        stream, weights = new_stream, new_weights
    return merges
