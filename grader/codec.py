"""Plain-data codec used on both sides of the sandbox boundary.

This file is also sent, as source, into the sandbox (see harness.py), so it imports only the standard
library and NumPy, and nothing from the grader package.

A message is: 4-byte big-endian header length, a UTF-8 JSON header, then for each array an 8-byte length
and the array in .npy format. Only these types cross: None, bool, int, float, str, list, tuple, dict with
str keys, and numeric/bool/str ndarrays. The decoder never unpickles (np.load(allow_pickle=False)),
rejects object and structured dtypes, and returns exact built-in types and plain ndarrays, so nothing a
submission sends back can carry code or a custom __eq__.
"""
import hashlib
import io
import json
import math
import struct

import numpy as np

ALLOWED_ARRAY_KINDS = "biufcU"
MAX_DEPTH = 64


class CodecError(ValueError):
    """The value cannot be encoded, or the bytes are not a valid message."""


def encode(value, *, strict: bool = True) -> bytes:
    arrays: list[bytes] = []
    tree = _enc(value, arrays, 0, strict)
    header = json.dumps(tree, allow_nan=True, separators=(",", ":")).encode()
    parts = [struct.pack(">I", len(header)), header]
    for blob in arrays:
        parts.append(struct.pack(">Q", len(blob)))
        parts.append(blob)
    return b"".join(parts)


def _type_name(value) -> str:
    t = type(value)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _enc(value, arrays, depth, strict):
    if depth > MAX_DEPTH:
        raise CodecError("value is nested too deeply")
    t = type(value)
    # Exact type checks: a subclass of float or list could carry its own __eq__ or __iter__.
    if value is None or t is bool or t is str:
        return value
    if t is int:
        if abs(value) >= 2**63:
            raise CodecError("integer does not fit in 64 bits")
        return value
    if t is float:
        return {"$f": repr(value)} if not math.isfinite(value) else value
    if isinstance(value, np.generic) and t.__module__ == "numpy":
        if isinstance(value, np.bool_):
            return bool(value)
        if isinstance(value, np.integer):
            return _enc(int(value), arrays, depth, strict)
        if isinstance(value, np.floating):
            return _enc(float(value), arrays, depth, strict)
        raise CodecError(f"unsupported NumPy scalar type {_type_name(value)}")
    if t is list:
        return [_enc(v, arrays, depth + 1, strict) for v in value]
    if t is tuple:
        return {"$t": [_enc(v, arrays, depth + 1, strict) for v in value]}
    if t is dict:
        out = {}
        for k, v in value.items():
            if type(k) is not str:
                raise CodecError(f"dict keys must be str, got {_type_name(k)}")
            out[k] = _enc(v, arrays, depth + 1, strict)
        return {"$d": out}
    if t is np.ndarray:
        if value.dtype.kind not in ALLOWED_ARRAY_KINDS:
            raise CodecError(f"arrays of dtype {value.dtype} are not allowed (numbers, bools or str only)")
        buf = io.BytesIO()
        np.save(buf, np.ascontiguousarray(value), allow_pickle=False)
        arrays.append(buf.getvalue())
        return {"$a": len(arrays) - 1}
    if isinstance(value, np.ndarray):
        raise CodecError(f"returned an ndarray subclass ({_type_name(value)}); return a plain numpy.ndarray")
    raise CodecError(f"values of type {_type_name(value)} cannot be returned; use numbers, lists, tuples, "
                     "dicts or numpy arrays")


def decode(data: bytes, *, max_array_bytes: int = 1 << 30):
    mv = memoryview(data)
    if len(mv) < 4:
        raise CodecError("truncated message")
    (hlen,) = struct.unpack(">I", mv[:4])
    pos = 4 + hlen
    if pos > len(mv):
        raise CodecError("truncated header")
    try:
        tree = json.loads(bytes(mv[4:pos]).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CodecError(f"bad header: {e}") from None
    arrays = []
    while pos < len(mv):
        if pos + 8 > len(mv):
            raise CodecError("truncated array length")
        (alen,) = struct.unpack(">Q", mv[pos:pos + 8])
        pos += 8
        if alen > max_array_bytes or pos + alen > len(mv):
            raise CodecError("array too large or truncated")
        try:
            arr = np.load(io.BytesIO(bytes(mv[pos:pos + alen])), allow_pickle=False)
        except Exception as e:  # np.load raises several types for malformed input
            raise CodecError(f"bad array: {e}") from None
        if type(arr) is not np.ndarray or arr.dtype.kind not in ALLOWED_ARRAY_KINDS:
            raise CodecError(f"arrays of dtype {arr.dtype} are not allowed")
        arrays.append(arr)
        pos += alen
    return _dec(tree, arrays, 0)


def _dec(node, arrays, depth):
    if depth > MAX_DEPTH:
        raise CodecError("value is nested too deeply")
    t = type(node)
    if node is None or t in (bool, int, float, str):
        return node
    if t is list:
        return [_dec(v, arrays, depth + 1) for v in node]
    if t is dict and len(node) == 1:
        (tag, body), = node.items()
        if tag == "$a" and type(body) is int and 0 <= body < len(arrays):
            return arrays[body]
        if tag == "$t" and type(body) is list:
            return tuple(_dec(v, arrays, depth + 1) for v in body)
        if tag == "$d" and type(body) is dict:
            return {k: _dec(v, arrays, depth + 1) for k, v in body.items()}
        if tag == "$f" and body in ("nan", "inf", "-inf"):
            return float(body)
    raise CodecError("malformed value in message")


def fingerprints(args: list, kwargs: dict) -> dict:
    """Each argument's fingerprint, in the shape the harness reports after a call and the grader compares:
    {"args": [...], "kwargs": {name: ...}}. A value that cannot be hashed gets "?", which matches nothing."""
    def one(value) -> str:
        try:
            return fingerprint(value)
        except BaseException:
            return "?"
    return {"args": [one(a) for a in args], "kwargs": {k: one(v) for k, v in kwargs.items()}}


def fingerprint(value) -> str:
    """A digest of a value's type, dtype, shape and contents: equal for an argument before and after a call
    exactly when the call left it unchanged. Computed by the harness after each call and by the grader from
    the case as sent; anything the codec could not have sent hashes as its type, so it never matches."""
    h = hashlib.blake2b(digest_size=16)
    _fp(value, h, 0)
    return h.hexdigest()


def _fp(value, h, depth) -> None:
    t = type(value)
    if depth > MAX_DEPTH:
        h.update(b"<deep>")
    elif t is np.ndarray:
        h.update(f"a{value.dtype.str}{value.shape}".encode())
        h.update(np.ascontiguousarray(value).view(np.uint8).reshape(-1).data if value.size else b"")
    elif t in (list, tuple):
        h.update(f"{t.__name__}{len(value)}[".encode())
        for v in value:
            _fp(v, h, depth + 1)
        h.update(b"]")
    elif t is dict:
        h.update(f"d{len(value)}{{".encode())
        for k, v in value.items():
            h.update(repr(k).encode())
            _fp(v, h, depth + 1)
        h.update(b"}")
    elif isinstance(value, np.generic) and t.__module__ == "numpy":
        _fp(value.item(), h, depth)
    elif value is None or t in (bool, int, float, str):
        h.update(f"{t.__name__}:{value!r};".encode())
    else:
        h.update(f"<{_type_name(value)}>".encode())
