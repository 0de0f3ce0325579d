"""Similarity of Python sources by winnowing (Schleimer, Wilkerson & Aiken 2003, the method behind MOSS):
normalised tokens → k-gram hashes → the minimum of each window as fingerprints; the starter code's k-grams
are removed first, so everyone sharing the given skeleton is not a match. Pure functions, no Django."""
from __future__ import annotations

import hashlib
import io
import keyword
import token as tk
import tokenize
from dataclasses import dataclass, field

K = 8          # tokens per k-gram: shorter matches (a `for i in range(n):`) are noise
WINDOW = 4     # any match of at least K + WINDOW - 1 tokens is guaranteed to be found
FLAG_AT = 0.5  # containment from which a pair is flagged as suspicious

_DROP = {tk.COMMENT, tk.NL, tk.NEWLINE, tk.INDENT, tk.DEDENT, tk.ENDMARKER, tk.ENCODING}
_LITERALS = {tk.STRING, tk.NUMBER}


@dataclass(frozen=True)
class Token:
    text: str
    line: int


def normalise(source: str) -> list[Token]:
    """Identifiers → ID, literals → LIT, keywords and operators kept; comments and layout dropped.
    A source that does not tokenize yields the tokens read before the error."""
    out: list[Token] = []
    try:
        for t in tokenize.generate_tokens(io.StringIO(source).readline):
            if t.type in _DROP:
                continue
            if t.type == tk.NAME:
                text = t.string if keyword.iskeyword(t.string) else "ID"
            elif t.type in _LITERALS or t.type in (getattr(tk, "FSTRING_START", -1),):
                text = "LIT"
            elif t.type in (getattr(tk, "FSTRING_MIDDLE", -1), getattr(tk, "FSTRING_END", -1)):
                continue
            else:
                text = t.string
            out.append(Token(text, t.start[0]))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return out


def _hash(texts: list[str]) -> int:
    return int.from_bytes(hashlib.blake2b(" ".join(texts).encode(), digest_size=8).digest(), "big")


def kgram_hashes(tokens: list[Token], k: int = K) -> list[tuple[int, int, int]]:
    """(hash, first line, last line) of every k-gram."""
    return [(_hash([t.text for t in tokens[i:i + k]]), tokens[i].line, tokens[i + k - 1].line)
            for i in range(len(tokens) - k + 1)]


@dataclass
class Fingerprint:
    hashes: set[int] = field(default_factory=set)
    lines: dict[int, set[int]] = field(default_factory=dict)   # hash -> lines it covers


def fingerprint(source: str, *, exclude: set[int] = frozenset(), k: int = K, window: int = WINDOW) -> Fingerprint:
    grams = [g for g in kgram_hashes(normalise(source), k) if g[0] not in exclude]
    fp = Fingerprint()
    if not grams:
        return fp
    for start in range(max(1, len(grams) - window + 1)):
        chunk = grams[start:start + window]
        # The rightmost minimum, as in the paper: consecutive windows then tend to pick the same one.
        best = min(range(len(chunk)), key=lambda i: (chunk[i][0], -i))
        h, first, last = chunk[best]
        fp.hashes.add(h)
        fp.lines.setdefault(h, set()).update(range(first, last + 1))
    return fp


def starter_exclusion(starter: str, k: int = K) -> set[int]:
    return {h for h, _, _ in kgram_hashes(normalise(starter), k)}


@dataclass(frozen=True)
class Similarity:
    jaccard: float
    containment: float      # shared / the smaller fingerprint set: a copy padded with extra code still shows
    shared: int

    @property
    def flagged(self) -> bool:
        return self.containment >= FLAG_AT


def similarity(a: Fingerprint, b: Fingerprint) -> Similarity:
    shared = a.hashes & b.hashes
    union = a.hashes | b.hashes
    smaller = min(len(a.hashes), len(b.hashes))
    return Similarity(jaccard=len(shared) / len(union) if union else 0.0,
                      containment=len(shared) / smaller if smaller else 0.0, shared=len(shared))


def matched_lines(a: Fingerprint, b: Fingerprint) -> tuple[set[int], set[int]]:
    shared = a.hashes & b.hashes
    return (set().union(*(a.lines[h] for h in shared)) if shared else set(),
            set().union(*(b.lines[h] for h in shared)) if shared else set())
