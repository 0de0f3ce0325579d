"""The trusted side's checks for the torch kinds, on decoded plain data (NumPy only: no torch needed here).

- module: parameter names and shapes exactly, then the output and every parameter's gradient within the
  checker's rtol/atol (grader.checkers.compare);
- autograd: a gradient check first — the submission's own forward, evaluated in the sandbox at points made
  here (`probes`), against the gradients its backward returned, by central differences along random
  directions — then the output and every argument's gradient against the reference's.

Messages are shown for public tests only (grader.report decides), and name what differs."""
from __future__ import annotations

import hashlib
from typing import Any

import numpy as np

from .checkers import CheckResult, compare

# Central differences in float64: the truncation error is O(EPS^2), the rounding error O(1e-16 / EPS).
EPS = 1e-6
DIRECTIONS = 3          # random directions per differentiable argument (2 forwards each)
# A directional derivative agrees with the analytic one within GRAD_ATOL + GRAD_RTOL * |g|·|v| (the
# Cauchy-Schwarz bound of <g, v>, so cancellation in <g, v> cannot make the test fail spuriously). torch's own
# gradcheck uses atol 1e-5, rtol 1e-3.
GRAD_RTOL = 1e-3
GRAD_ATOL = 1e-5


def _differentiable(args: list) -> list[int]:
    return [i for i, a in enumerate(args) if isinstance(a, np.ndarray) and a.dtype.kind == "f"]


def _directions(case_name: str, args: list) -> list[tuple[int, np.ndarray]]:
    seed = int.from_bytes(hashlib.sha256(case_name.encode()).digest()[:8], "big")
    rng = np.random.default_rng(seed)
    out = []
    for i in _differentiable(args):
        for _ in range(DIRECTIONS):
            v = rng.normal(size=args[i].shape)
            out.append((i, v / max(float(np.linalg.norm(v)), 1e-300)))
    return out


def probes(case_name: str, args: list) -> list[list]:
    """The argument lists at which the sandbox evaluates the submission's forward for the gradient check:
    for each direction v of argument i, the arguments in float64 with x_i + EPS*v, then with x_i - EPS*v."""
    base = [a.astype(np.float64) if isinstance(a, np.ndarray) and a.dtype.kind == "f" else a for a in args]
    out = []
    for i, v in _directions(case_name, args):
        for sign in (1.0, -1.0):
            point = list(base)
            point[i] = base[i] + sign * EPS * v
            out.append(point)
    return out


def gradcheck(case_name: str, args: list, upstream: np.ndarray, got: dict) -> CheckResult:
    """Whether the gradients the submission returned agree with its own forward (at the probes)."""
    directions = _directions(case_name, args)
    values = got["probes"]
    if type(values) is not list or len(values) != 2 * len(directions):
        return False, "gradient check: the forward was not evaluated at every probe point"
    up = upstream.astype(np.float64)
    for k, (i, v) in enumerate(directions):
        plus, minus, grad = values[2 * k], values[2 * k + 1], got["grads"][i]
        for what, value in (("forward", plus), ("forward", minus)):
            if type(value) is not np.ndarray or value.shape != up.shape or value.dtype.kind not in "fiu":
                return False, f"gradient check: the {what} at a probe point is not an array of shape {up.shape}"
        if type(grad) is not np.ndarray or grad.shape != v.shape or grad.dtype.kind not in "fiu":
            return False, (f"gradient check: the gradient of argument {i + 1} is not an array of shape "
                           f"{v.shape}")
        numeric = float(np.sum(up * (plus.astype(np.float64) - minus.astype(np.float64)))) / (2 * EPS)
        analytic = float(np.sum(grad.astype(np.float64) * v))
        bound = GRAD_ATOL + GRAD_RTOL * float(np.linalg.norm(grad.astype(np.float64)))
        if not np.isfinite(numeric) or not np.isfinite(analytic) or abs(numeric - analytic) > bound:
            return False, (f"gradient check: the backward disagrees with the forward for argument {i + 1}: "
                           f"along a random direction the forward changes at rate {numeric:.6g}, the returned "
                           f"gradient says {analytic:.6g}")
    return True, ""


def _shapes(value: Any) -> dict[str, tuple[int, ...]] | None:
    if type(value) is not dict:
        return None
    out = {}
    for name, shape in value.items():
        if type(shape) is not list or not all(type(n) is int for n in shape):
            return None
        out[name] = tuple(shape)
    return out


def _count(shapes: dict[str, tuple[int, ...]]) -> int:
    return sum(int(np.prod(s)) for s in shapes.values())


def compare_module(expected: dict, got: Any, *, rtol: float, atol: float, exact: bool = False) -> CheckResult:
    """A module's names and shapes, output and parameter gradients against the reference's."""
    keys = {"output", "grads", "shapes", "no_grad", "load_error"}
    if type(got) is not dict or set(got) != keys:
        return False, "the module's result is malformed"
    want, have = expected["shapes"], _shapes(got["shapes"])
    if have is None:
        return False, "the module's parameter shapes are malformed"
    want = {k: tuple(v) for k, v in want.items()}
    missing, extra = sorted(set(want) - set(have)), sorted(set(have) - set(want))
    if missing or extra:
        parts = ([f"missing {', '.join(f'`{n}`' for n in missing)}"] if missing else []) + \
                ([f"unexpected {', '.join(f'`{n}`' for n in extra)}"] if extra else [])
        return False, (f"parameter names differ: {'; '.join(parts)} ({_count(have):,} parameters; "
                       f"expected {_count(want):,})")
    for name, shape in want.items():
        if have[name] != shape:
            return False, (f"parameter `{name}` has shape {have[name]}; expected {shape} ({_count(have):,} "
                           f"parameters; expected {_count(want):,})")
    if got["load_error"]:
        return False, str(got["load_error"])
    ok, message = compare(expected["output"], got["output"], rtol=rtol, atol=atol, exact=exact, path="output")
    if not ok:
        return ok, message
    grads, no_grad = got["grads"], got["no_grad"]
    if type(grads) is not dict or type(no_grad) is not list:
        return False, "the module's gradients are malformed"
    for name in want:
        if name in no_grad and name not in expected["no_grad"]:
            return False, f"no gradient reached parameter `{name}` (not used in forward, or detached)"
        ok, message = compare(expected["grads"][name], grads.get(name), rtol=rtol, atol=atol, exact=exact,
                              path=f"gradient of `{name}`")
        if not ok:
            return ok, message
    return True, ""


def compare_autograd(expected: dict, got: Any, *, case_name: str, args: list, upstream: np.ndarray, rtol: float,
                     atol: float, exact: bool = False) -> CheckResult:
    """The gradient check against the submission's own forward, then output and gradients against the
    reference's."""
    keys = {"output", "grads", "no_grad", "probes"}
    if type(got) is not dict or set(got) != keys or type(got["grads"]) is not list \
            or len(got["grads"]) != len(args) or type(got["no_grad"]) is not list:
        return False, "the function's result is malformed"
    for i in got["no_grad"]:
        if i not in expected["no_grad"]:
            return False, f"no gradient for argument {i + 1} (backward returned None for it)"
    ok, message = gradcheck(case_name, args, upstream, got)
    if not ok:
        return ok, message
    ok, message = compare(expected["output"], got["output"], rtol=rtol, atol=atol, exact=exact, path="output")
    if not ok:
        return ok, message
    for i, want in enumerate(expected["grads"]):
        if want is None:
            continue
        ok, message = compare(want, got["grads"][i], rtol=rtol, atol=atol, exact=exact,
                              path=f"gradient of argument {i + 1}")
        if not ok:
            return ok, message
    return True, ""
