"""The declared input space of a problem: per argument, what the statement allows (type, dtypes, ndim,
whether it may be modified), and the named edge rules. One owner for three rules:

- every case's arguments fit the declaration (a case outside the statement's space is an authoring error);
- the hidden cases cover every declared dtype and every edge rule (`grader check` enforces it);
- which arguments must come back unmodified, and their names (the harness fingerprints them).

problem.toml:

    [inputs.x]                    # one table per argument, in the entry point's order
    type = "array"                # array | tensor | int | float | bool | str | list | tuple | dict | none, or a list
                                  # tensor (runtime torch): crosses as an array, handed over as a torch.Tensor
    dtypes = ["float64", "integer"]   # arrays: concrete dtypes or groups (see DTYPE_GROUPS)
    ndim = [1, 3]                 # arrays: allowed number of dimensions, [min, max] or one int
    mutable = false               # default: the entry point must leave it unchanged

    [edges]                       # the statement's named edge rules; a hidden case "covers" each
    constant-slice = "all entries of a slice equal: the uniform distribution"
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

SIGNED = ("int8", "int16", "int32", "int64")
UNSIGNED = ("uint8", "uint16", "uint32", "uint64")
FLOATS = ("float32", "float64")
DTYPE_GROUPS = {
    "signed": SIGNED,
    "unsigned": UNSIGNED,
    "integer": SIGNED + UNSIGNED,
    "float": FLOATS,
    "bool": ("bool",),
    "str": ("str",),   # any unicode string array (<U…)
}
CONCRETE_DTYPES = SIGNED + UNSIGNED + FLOATS + ("float16", "bool", "str", "complex128")
TYPES = ("array", "tensor", "int", "float", "bool", "str", "list", "tuple", "dict", "none")
ARRAY_TYPES = ("array", "tensor")  # a tensor crosses the boundary as an array: the same keys, the same checks
# What torch.from_numpy takes: no str arrays, and unsigned only as uint8 (torch's other unsigned types have
# almost no operations).
TENSOR_DTYPES = ("int8", "int16", "int32", "int64", "uint8", "float16", "float32", "float64", "bool", "complex128")
EDGE_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
INPUT_KEYS = {"type", "dtypes", "ndim", "mutable", "description"}


@dataclass(frozen=True)
class ArgSpec:
    name: str
    types: tuple[str, ...]
    dtypes: tuple[str, ...] = ()          # concrete, expanded from groups; empty = not declared
    ndim: tuple[int, int] | None = None
    mutable: bool = False


@dataclass(frozen=True)
class InputSpace:
    args: tuple[ArgSpec, ...] = ()
    edges: dict[str, str] = field(default_factory=dict)

    @property
    def declared(self) -> bool:
        return bool(self.args)

    def tensor_positions(self, args: list, kwargs: dict) -> dict:
        """Which of a case's arguments the torch harness hands over as tensors: those declared `tensor`, in
        the shape the job carries ({"args": [index, …], "kwargs": [name, …]})."""
        names = self.names()
        tensors = {a.name for a in self.args if "tensor" in a.types}
        return {"args": [i for i in range(len(args)) if i < len(names) and names[i] in tensors],
                "kwargs": [k for k in kwargs if k in tensors]}

    def names(self) -> list[str]:
        return [a.name for a in self.args]

    def arg(self, name: str) -> ArgSpec | None:
        return next((a for a in self.args if a.name == name), None)

    def bind(self, args: list, kwargs: dict) -> dict[str, Any]:
        """name -> value for the arguments a case passes (positional ones by declared order)."""
        names = self.names()
        bound = {(names[i] if i < len(names) else f"argument {i + 1}"): v for i, v in enumerate(args)}
        bound.update(kwargs)
        return bound

    def label(self, position: int | str) -> str:
        """How a message names an argument: its declared name, else its position."""
        if isinstance(position, str):
            return position
        names = self.names()
        return names[position] if position < len(names) else f"argument {position + 1}"

    def is_mutable(self, position: int | str) -> bool:
        spec = self.arg(self.label(position))
        return bool(spec and spec.mutable)


def dtype_name(array: np.ndarray) -> str:
    return "str" if array.dtype.kind == "U" else array.dtype.name


def parse_inputs(raw_inputs: Any, raw_edges: Any, errors: list[str]) -> InputSpace:
    """Validates the [inputs.*] and [edges] tables; appends 'problem.toml: …' errors."""
    args: list[ArgSpec] = []
    if raw_inputs is not None and not isinstance(raw_inputs, dict):
        errors.append("problem.toml: [inputs]: must be a table of argument tables")
        raw_inputs = {}
    for name, spec in (raw_inputs or {}).items():
        where = f"problem.toml: inputs.{name}"
        if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", name):
            errors.append(f"{where}: not a Python identifier")
        if not isinstance(spec, dict):
            errors.append(f"{where}: must be a table")
            continue
        for key in sorted(set(spec) - INPUT_KEYS):
            errors.append(f"{where}.{key}: unknown field (known: {', '.join(sorted(INPUT_KEYS))})")
        types = spec.get("type")
        types = [types] if isinstance(types, str) else types
        if not isinstance(types, list) or not types or any(t not in TYPES for t in types):
            errors.append(f"{where}.type: must be one of {', '.join(TYPES)} (or a list of them)")
            types = []
        dtypes: list[str] = []
        raw_dtypes = spec.get("dtypes", [])
        if not isinstance(raw_dtypes, list) or not all(isinstance(d, str) for d in raw_dtypes):
            errors.append(f"{where}.dtypes: must be a list of dtype names")
            raw_dtypes = []
        for d in raw_dtypes:
            if d in DTYPE_GROUPS:
                dtypes.extend(x for x in DTYPE_GROUPS[d] if x not in dtypes)
            elif d in CONCRETE_DTYPES:
                if d not in dtypes:
                    dtypes.append(d)
            else:
                errors.append(f"{where}.dtypes: unknown dtype {d!r} (groups: {', '.join(DTYPE_GROUPS)}; "
                              f"or one of {', '.join(CONCRETE_DTYPES)})")
        if dtypes and not set(ARRAY_TYPES) & set(types):
            errors.append(f"{where}.dtypes: only arrays and tensors have dtypes (type = \"array\" or \"tensor\")")
        if set(ARRAY_TYPES) & set(types) and not dtypes:
            errors.append(f"{where}.dtypes: required for an array: the dtypes the statement allows")
        if "tensor" in types and "array" not in types:
            bad = [d for d in dtypes if d not in TENSOR_DTYPES]
            if bad:
                errors.append(f"{where}.dtypes: a tensor cannot have dtype {', '.join(bad)}")
        ndim = spec.get("ndim")
        if ndim is not None:
            if isinstance(ndim, int) and not isinstance(ndim, bool):
                ndim = [ndim, ndim]
            if (not isinstance(ndim, list) or len(ndim) != 2 or not all(type(n) is int and n >= 0 for n in ndim)
                    or ndim[0] > ndim[1]):
                errors.append(f"{where}.ndim: must be an int or [min, max] with 0 <= min <= max")
                ndim = None
        mutable = spec.get("mutable", False)
        if not isinstance(mutable, bool):
            errors.append(f"{where}.mutable: must be true or false")
            mutable = False
        args.append(ArgSpec(name=name, types=tuple(types), dtypes=tuple(dtypes),
                            ndim=tuple(ndim) if ndim else None, mutable=mutable))
    edges: dict[str, str] = {}
    if raw_edges is not None:
        if not isinstance(raw_edges, dict):
            errors.append("problem.toml: [edges]: must be a table of name = \"rule\"")
        else:
            for name, rule in raw_edges.items():
                if not EDGE_RE.match(name):
                    errors.append(f"problem.toml: edges.{name}: names are lowercase-with-dashes")
                if not isinstance(rule, str) or not rule.strip():
                    errors.append(f"problem.toml: edges.{name}: must be a sentence saying the rule")
                edges[name] = str(rule)
    return InputSpace(args=tuple(args), edges=edges)


def _value_type(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, np.ndarray):
        return "array"
    if isinstance(value, (bool, np.bool_)):
        return "bool"
    if isinstance(value, (int, np.integer)):
        return "int"
    if isinstance(value, (float, np.floating)):
        return "float"
    return {str: "str", list: "list", tuple: "tuple", dict: "dict"}.get(type(value), type(value).__name__)


def fit_errors(space: InputSpace, args: list, kwargs: dict) -> list[str]:
    """Why a case's arguments fall outside the declared space (empty when they fit)."""
    if not space.declared:
        return []
    out = []
    if len(args) > len(space.args):
        out.append(f"passes {len(args)} positional arguments; {len(space.args)} are declared")
    for name, value in space.bind(args, kwargs).items():
        spec = space.arg(name)
        if spec is None:
            out.append(f"argument `{name}` is not declared in [inputs]")
            continue
        vtype = _value_type(value)
        if vtype == "array" and "tensor" in spec.types:
            vtype = "tensor"
        if vtype not in spec.types and not (vtype == "int" and "float" in spec.types):
            out.append(f"`{name}` is {vtype}; declared {'/'.join(spec.types)}")
            continue
        if vtype in ARRAY_TYPES:
            if spec.dtypes and dtype_name(value) not in spec.dtypes:
                out.append(f"`{name}` has dtype {dtype_name(value)}, not among the declared dtypes")
            if spec.ndim and not spec.ndim[0] <= value.ndim <= spec.ndim[1]:
                out.append(f"`{name}` has {value.ndim} dimensions; declared {spec.ndim[0]}..{spec.ndim[1]}")
    return out


def coverage_gaps(space: InputSpace, hidden: list) -> list[str]:
    """What the hidden cases (grader.problem.Case) leave uncovered: declared dtypes and edge rules."""
    if not space.declared:
        return ["[inputs]: no input space is declared: declare every argument the statement allows"]
    seen: dict[str, set[str]] = {a.name: set() for a in space.args}
    covered: set[str] = set()
    for case in hidden:
        for name, value in space.bind(case.args, case.kwargs).items():
            if isinstance(value, np.ndarray) and name in seen:
                seen[name].add(dtype_name(value))
        covered.update(case.covers)
    gaps = []
    for spec in space.args:
        missing = [d for d in spec.dtypes if d not in seen[spec.name]]
        if missing:
            gaps.append(f"inputs.{spec.name}: no hidden case has dtype {', '.join(missing)}")
    for edge in space.edges:
        if edge not in covered:
            gaps.append(f"edges.{edge}: no hidden case covers it (add \"covers\": [\"{edge}\"] to one)")
    return gaps
