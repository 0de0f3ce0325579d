"""Pure comparison functions, run on the trusted side on decoded plain data.

Every checker returns (passed, message). Messages are shown only for public cases."""
from __future__ import annotations

import math
from typing import Any

import numpy as np

# (passed, message). Not a verdict (grader.report.Verdict): the engine turns it into one.
CheckResult = tuple[bool, str]
NUMERIC = "iuf"


def _describe(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"array of shape {value.shape} and dtype {value.dtype}"
    return type(value).__name__


def _as_array(value: Any) -> np.ndarray | None:
    """Lists of numbers are accepted where an array is expected; ragged or mixed lists are not."""
    if isinstance(value, np.ndarray):
        return value
    if isinstance(value, (list, tuple, int, float, bool)):
        try:
            arr = np.asarray(value)
        except (ValueError, TypeError):
            return None
        return arr if arr.dtype.kind in "biufcU" else None
    return None


def compare(expected: Any, got: Any, *, rtol: float = 1e-6, atol: float = 1e-9, exact: bool = False,
            path: str = "result") -> CheckResult:
    """Structural comparison: shapes and kinds must match; floats within rtol/atol unless exact."""
    if isinstance(expected, np.ndarray):
        arr = _as_array(got)
        if arr is None:
            return False, f"{path}: expected {_describe(expected)}, got {_describe(got)}"
        if arr.shape != expected.shape:
            return False, f"{path}: expected shape {expected.shape}, got {arr.shape}"
        return _compare_arrays(expected, arr, rtol=rtol, atol=atol, exact=exact, path=path)
    if isinstance(expected, bool):
        if type(got) is not bool and not (isinstance(got, np.ndarray) and got.shape == () and got.dtype == bool):
            return False, f"{path}: expected a bool, got {_describe(got)}"
        return (bool(got) == expected, "" if bool(got) == expected else f"{path}: expected {expected}, got {got}")
    if isinstance(expected, (int, float)):
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            if isinstance(got, np.ndarray) and got.shape == () and got.dtype.kind in NUMERIC:
                got = got.item()
            else:
                return False, f"{path}: expected a number, got {_describe(got)}"
        if isinstance(expected, int) and not isinstance(got, int):
            return False, f"{path}: expected an integer, got {got!r}"
        if not math.isfinite(got) and math.isfinite(expected):
            return False, f"{path}: expected a finite number, got {got!r}"
        if isinstance(expected, float) and math.isnan(expected):
            ok = isinstance(got, float) and math.isnan(got)
            return ok, "" if ok else f"{path}: expected nan, got {got!r}"
        ok = got == expected if exact or isinstance(expected, int) else math.isclose(
            got, expected, rel_tol=rtol, abs_tol=atol)
        return ok, "" if ok else f"{path}: expected {expected!r}, got {got!r}"
    if isinstance(expected, str) or expected is None:
        ok = type(got) is type(expected) and got == expected
        return ok, "" if ok else f"{path}: expected {expected!r}, got {got!r}"
    if isinstance(expected, (list, tuple)):
        if not isinstance(got, (list, tuple)):
            arr = _as_array(got) if isinstance(got, np.ndarray) else None
            if arr is None or arr.ndim == 0:
                return False, f"{path}: expected a sequence of {len(expected)}, got {_describe(got)}"
            got = list(arr)
        if len(got) != len(expected):
            return False, f"{path}: expected {len(expected)} items, got {len(got)}"
        for i, (e, g) in enumerate(zip(expected, got)):
            ok, msg = compare(e, g, rtol=rtol, atol=atol, exact=exact, path=f"{path}[{i}]")
            if not ok:
                return ok, msg
        return True, ""
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return False, f"{path}: expected a dict, got {_describe(got)}"
        if set(got) != set(expected):
            return False, f"{path}: expected keys {sorted(expected)}, got {sorted(got)}"
        for key in expected:
            ok, msg = compare(expected[key], got[key], rtol=rtol, atol=atol, exact=exact, path=f"{path}[{key!r}]")
            if not ok:
                return ok, msg
        return True, ""
    raise TypeError(f"cannot compare expected values of type {type(expected).__name__}")


def _compare_arrays(expected: np.ndarray, got: np.ndarray, *, rtol: float, atol: float, exact: bool,
                    path: str) -> CheckResult:
    ek, gk = expected.dtype.kind, got.dtype.kind
    if ek == "b":
        if gk != "b":
            return False, f"{path}: expected a bool array, got dtype {got.dtype}"
        ok = bool(np.array_equal(expected, got))
        return ok, "" if ok else f"{path}: {int(np.sum(expected != got))} of {expected.size} entries differ"
    if ek in "iu":
        if gk not in "iu":
            return False, f"{path}: expected an integer array, got dtype {got.dtype}"
        ok = bool(np.array_equal(expected, got))
        return ok, "" if ok else f"{path}: {int(np.sum(expected != got))} of {expected.size} entries differ"
    if ek in "fc":
        if gk not in "iufc" or (gk == "c" and ek != "c"):
            return False, f"{path}: expected a numeric array, got dtype {got.dtype}"
        if not np.all(np.isfinite(got)) and np.all(np.isfinite(expected)):
            return False, f"{path}: contains NaN or infinity"
        if exact:
            ok = bool(np.array_equal(expected, got))
        else:
            close = np.isclose(got, expected, rtol=rtol, atol=atol, equal_nan=True)
            ok = bool(np.all(close))
            if not ok:
                idx = np.unravel_index(int(np.argmin(close)), close.shape) if close.ndim else ()
                where = f"{path}[{', '.join(map(str, idx))}]" if idx else path
                return False, (f"{where}: expected {expected[idx].item()!r}, got {got[idx].item()!r} "
                               f"({int(np.sum(~close))} of {close.size} entries outside rtol={rtol}, atol={atol})")
        return ok, "" if ok else f"{path}: arrays differ"
    ok = bool(np.array_equal(expected, got))
    return ok, "" if ok else f"{path}: arrays differ"


def label_permutation(expected: np.ndarray, got: np.ndarray) -> dict[int, int] | None:
    """The renaming that maps `got` labels onto `expected` labels if both define the same partition."""
    if expected.shape != got.shape:
        return None
    mapping: dict[int, int] = {}
    used: dict[int, int] = {}
    for e, g in zip(expected.tolist(), got.tolist()):
        if mapping.setdefault(g, e) != e or used.setdefault(e, g) != g:
            return None
    return mapping
