"""Helpers for the cases.py of torch problems (trusted side: authors' code, run where the grader runs).

    from grader.torchcases import module_case, reference

    MHA = reference(__file__).MultiHeadAttention

    def cases():
        x = np.random.default_rng(1).normal(size=(2, 5, 8)).astype(np.float32)
        return [module_case("two-heads", public=False, covers=["heads"], module=MHA,
                            init={"d_model": 8, "n_heads": 2}, args=[x])]

A module case's weights are fixed data: `state` is the REFERENCE module's parameters right after
`torch.manual_seed(seed); module(**init)`, so the case does not depend on how a submission initialises, and
the submission must name and shape its parameters as the statement says to load them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np


def reference(cases_file: str | Path):
    """The reference.py next to a cases.py (pass `__file__`), imported on the trusted side."""
    from .problem import import_trusted

    return import_trusted(Path(cases_file).resolve().parent, "reference")


def _tensors(values: Sequence[Any]):
    import torch

    return [torch.from_numpy(np.array(v, copy=True)) if isinstance(v, np.ndarray) else v for v in values]


def _upstream(shape, dtype, seed: int) -> np.ndarray:
    # A fixed random upstream gradient: every output entry matters to the backward pass.
    return np.random.default_rng(seed).normal(size=tuple(shape)).astype(dtype)


def module_case(name: str, *, public: bool, module: type, init: dict, args: Sequence[Any],
                kwargs: dict | None = None, covers: Sequence[str] = (), seed: int = 0,
                upstream: np.ndarray | None = None, train: bool = False, buffers: bool = False) -> dict:
    """A case of a `kind = "module"` problem. `state` holds the seeded reference's parameters (and, with
    buffers=True, its buffers: leave them out when the module must compute them itself, like a positional
    table). `upstream` defaults to a seeded normal array shaped like the reference's output."""
    import torch

    torch.manual_seed(seed)
    ref = module(**init)
    state = {k: v.detach().numpy().copy() for k, v in ref.named_parameters()}
    if buffers:
        state.update({k: v.detach().numpy().copy() for k, v in ref.named_buffers()})
    if upstream is None:
        ref.train(train)
        torch.manual_seed(0)
        with torch.no_grad():
            out = ref(*_tensors(args), **dict(zip(kwargs or {}, _tensors(list((kwargs or {}).values())))))
        upstream = _upstream(out.shape, out.numpy().dtype, seed + 1)
    return {"name": name, "public": public, "covers": list(covers), "init": dict(init), "state": state,
            "args": list(args), "kwargs": dict(kwargs or {}), "upstream": upstream, "train": train}


def autograd_case(name: str, *, public: bool, function: type, args: Sequence[Any], covers: Sequence[str] = (),
                  seed: int = 0, upstream: np.ndarray | None = None) -> dict:
    """A case of a `kind = "autograd"` problem; `upstream` defaults to a seeded normal array shaped like the
    reference Function's output."""
    import torch

    if upstream is None:
        with torch.no_grad():
            out = function.apply(*_tensors(args))
        upstream = _upstream(out.shape, out.numpy().dtype, seed + 1)
    return {"name": name, "public": public, "covers": list(covers), "args": list(args), "upstream": upstream}
