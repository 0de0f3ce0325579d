"""Expected outputs: the reference solution run on the trusted side, cached by the problem's content hash."""
from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import numpy as np

from . import codec
from .problem import Kind, Problem, ProblemError, import_trusted


def cache_dir() -> Path:
    root = os.environ.get("MLJUDGE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "mljudge")
    return Path(root) / "expected"


def expected_outputs(problem: Problem) -> dict[str, Any]:
    """case name -> the reference's output, normalised through the codec exactly as a submission's is."""
    if problem.kind is not Kind.FUNCTION:
        return {}
    key = f"{problem.slug}-{problem.content_hash()[:24]}-np{np.__version__}"
    path = cache_dir() / f"{key}.bin"
    try:
        cached = codec.decode(path.read_bytes())
        if isinstance(cached, dict) and set(cached) == {c.name for c in problem.cases()}:
            return cached
    except (OSError, codec.CodecError):
        pass
    reference = getattr(import_trusted(problem.folder, "reference"), problem.entry_point)
    out = {}
    for case in problem.cases():
        # Copies: a reference that mutates its inputs must not change what the submission is given.
        value = reference(*copy.deepcopy(case.args), **copy.deepcopy(case.kwargs))
        try:
            out[case.name] = codec.decode(codec.encode(value))
        except codec.CodecError as exc:
            raise ProblemError(problem.folder, [f"reference.py: case {case.name!r}: {exc}"]) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(codec.encode(out))
    os.replace(tmp, path)
    return out
