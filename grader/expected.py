"""Expected outputs: the reference solution run on the trusted side, cached by the problem's content hash."""
from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import numpy as np

from . import codec
from .problem import Kind, Problem, ProblemError
from .sandbox.runtimes import Runtime


def cache_dir() -> Path:
    root = os.environ.get("MLJUDGE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "mljudge")
    return Path(root) / "expected"


def expected_outputs(problem: Problem) -> dict[str, Any]:
    """case name -> the reference's output, normalised through the codec exactly as a submission's is.
    Computed (or read from the on-disk cache) once per Problem object: grading calls this every time."""
    if problem.kind not in (Kind.FUNCTION, Kind.MODULE, Kind.AUTOGRAD):
        return {}
    if problem._expected is None:
        problem._expected = _load_or_compute(problem)
    return problem._expected


def input_fingerprints(problem: Problem) -> dict[str, dict]:
    """case name -> sent_fingerprints of its arguments. Memoised on the Problem."""
    if problem._fingerprints is None:
        problem._fingerprints = {c.name: sent_fingerprints(c.args, c.kwargs) for c in problem.cases()}
    return problem._fingerprints


def sent_fingerprints(args: list, kwargs: dict) -> dict:
    """The fingerprints of arguments exactly as the sandbox receives them (through the codec), in the shape
    the harness reports them after each call."""
    return codec.fingerprints(*codec.decode(codec.encode([list(args), dict(kwargs)])))


def _load_or_compute(problem: Problem) -> dict[str, Any]:
    key = f"{problem.slug}-{problem.content_hash()[:24]}-np{np.__version__}"
    if problem.runtime is Runtime.TORCH:
        import torch

        key += f"-torch{torch.__version__}"
    path = cache_dir() / f"{key}.bin"
    try:
        cached = codec.decode(path.read_bytes())
        if isinstance(cached, dict) and set(cached) == {c.name for c in problem.cases()}:
            return cached
    except (OSError, codec.CodecError):
        pass
    reference = getattr(problem.trusted("reference"), problem.entry_point)
    out = {}
    for case in problem.cases():
        # Copies: a reference that mutates its inputs must not change what the submission is given.
        args, kwargs = copy.deepcopy(case.args), copy.deepcopy(case.kwargs)
        if problem.runtime is Runtime.TORCH:
            value = _torch_call(problem, reference, case, args, kwargs)
        else:
            value = reference(*args, **kwargs)
        try:
            out[case.name] = codec.decode(codec.encode(value))
        except codec.CodecError as exc:
            raise ProblemError(problem.folder, [f"reference.py: case {case.name!r}: {exc}"]) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(codec.encode(out))
    os.replace(tmp, path)
    return out


def _torch_call(problem: Problem, reference, case, args: list, kwargs: dict):
    """The reference run by the same procedure (grader/torchrun.py) as a submission in the torch sandbox."""
    import torch

    from . import torchrun

    torchrun.setup(torch)
    args, kwargs = torchrun.tensors_for_call(args, kwargs, problem.tensor_positions(case))
    try:
        return torchrun.call(problem.kind.value, reference, args, kwargs, copy.deepcopy(case.spec or {}))
    except torchrun.BadOutput as exc:
        raise ProblemError(problem.folder, [f"reference.py: case {case.name!r}: {exc}"]) from None
