import numpy as np

SYLLABLES = ("an", "ban", "ca", "de", "er", "est", "in", "ing", "lo", "low", "ma", "na", "ne", "new",
             "o", "pre", "ra", "re", "st", "ta", "ter", "th", "the", "un", "w", "wid", "x", "y", "za")


def _words(rng, n_words, max_syllables, max_count):
    """Words glued from common syllables (so pairs repeat across words, as in real text), Zipf-like counts."""
    out = {}
    while len(out) < n_words:
        word = "".join(rng.choice(SYLLABLES, size=int(rng.integers(1, max_syllables + 1))))
        out.setdefault(word, int(min(max_count, rng.zipf(1.6))))
    return out


def _case(name, word_counts, num_merges, *, category, covers=()):
    return {"name": name, "public": False, "category": category, "covers": list(covers),
            "args": [word_counts, num_merges]}


def cases():
    rng = np.random.default_rng(20261303)
    return [
        {"name": "example-low-lower-newest-widest", "public": True,
         "args": [{"low": 5, "lower": 2, "newest": 6, "widest": 3}, 10]},
        {"name": "example-repeated-letters", "public": True, "args": [{"aaa": 2, "ab": 1}, 4]},
        # Every pair occurs once: the order is decided by the tie rule alone.
        _case("all-pairs-tied", {"cb": 1, "ba": 1, "dc": 1, "ad": 1}, 6, category="ties",
              covers=["tie-smallest-pair", "end-of-word-marker"]),
        # ("e", "</w>") and ("e", "r") tie; "</w>" sorts before "r".
        _case("tie-with-end-marker", {"ther": 2, "the": 2, "re": 1, "her": 1}, 8, category="ties",
              covers=["tie-smallest-pair", "end-of-word-marker"]),
        _case("ties-later-words-first", {"zy": 3, "yx": 3, "xw": 3, "wv": 3, "ab": 1}, 7, category="ties",
              covers=["tie-smallest-pair"]),
        _case("runs-of-one-letter", {"aaaa": 3, "aaab": 1, "aaa": 1}, 6, category="repeated symbols",
              covers=["repeated-symbols", "word-counts"]),
        _case("run-of-five", {"bbbbb": 1, "ab": 1}, 5, category="repeated symbols",
              covers=["repeated-symbols", "tie-smallest-pair"]),
        # "aaa" occurs once but holds (a, a) twice; "ab" and "ba" hold (a, b) / (b, a) once each.
        _case("overlap-beats-distinct-words", {"aaa": 1, "cab": 1, "abd": 1}, 4, category="repeated symbols",
              covers=["repeated-symbols", "tie-smallest-pair"]),
        _case("counts-decide", {"ab": 1, "cd": 10, "ef": 4, "abab": 2}, 6, category="word counts",
              covers=["word-counts"]),
        _case("one-frequent-word", {"xyz": 40, "abc": 1, "bca": 1, "cab": 1}, 8, category="word counts",
              covers=["word-counts", "early-stop"]),
        # After (c, a) and (b, </w>), merging (a, b</w>) must not touch the symbols "ca" "b</w>" of "cab".
        _case("whole-symbols-only", {"ca": 5, "cab": 1, "ab": 3, "xab": 1}, 8, category="symbol boundaries",
              covers=["symbol-boundaries", "word-counts"]),
        _case("single-letters-across-words", {"a": 10, "b": 10, "c": 3}, 5, category="symbol boundaries",
              covers=["symbol-boundaries", "end-of-word-marker", "early-stop"]),
        _case("runs-out-of-pairs", {"ab": 1, "c": 2}, 10, category="early stop", covers=["early-stop"]),
        _case("one-letter-word-many-merges", {"q": 7}, 3, category="early stop",
              covers=["early-stop", "end-of-word-marker"]),
        _case("zero-merges", {"low": 5, "lower": 2}, 0, category="zero merges", covers=["zero-merges"]),
        _case("random-small-vocabulary", _words(rng, 12, 3, 9), 20, category="random words",
              covers=["word-counts", "symbol-boundaries"]),
        _case("random-until-exhausted", _words(rng, 6, 2, 5), 60, category="random words",
              covers=["early-stop", "symbol-boundaries"]),
        _case("large-vocabulary", _words(rng, 400, 4, 500), 200, category="large input",
              covers=["word-counts", "symbol-boundaries"]),
    ]


def draw_case(draw):
    """One input from the declared space: a few words over a three-letter alphabet (so repeated letters,
    shared pairs and ties are common) with small counts, and up to 12 merges."""
    import hypothesis.strategies as st

    words = draw(st.dictionaries(st.text("abc", min_size=1, max_size=5), st.integers(1, 4),
                                 min_size=1, max_size=4))
    return {"args": [words, draw(st.integers(0, 12))], "kwargs": {}}
