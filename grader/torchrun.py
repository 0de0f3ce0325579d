"""How the torch runtime calls an entry point: the one owner of the procedures of the contract (docs/authoring.md,
"The torch runtime"), used on BOTH sides of the boundary so that the reference and a submission are run the
same way:

- inside the sandbox, as the module `mljudge_torch` (sandbox/base.py sends this file as source next to the
  harness), on the submission: untrusted, it decides nothing;
- on the trusted side, by grader/expected.py, on the reference: that is how expected outputs are made.

So it imports only the standard library, NumPy and (inside functions, given by the caller) torch — nothing
from the grader package. Everything it returns is plain data once `to_plain` has run: tensors become their
arrays, a tensor subclass or any other object is refused (BadOutput) or left for the codec to refuse.
"""
import numpy as np

MAX_DEPTH = 64
MAX_MESSAGE = 2000


class BadOutput(Exception):
    """What the entry point returned cannot be judged (a tensor subclass, a non-tensor module output, …): a wrong
    answer, never a pass, with this message."""


# torch's own functions, captured before the submission is imported: a submission that patches
# torch.Tensor.detach or torch.autograd.backward changes its own calls, not ours.
_ORIG: dict = {}


def setup(torch) -> None:
    """Once per process, before the submission is imported."""
    _ORIG.update(torch=torch, tensor=torch.Tensor, detach=torch.Tensor.detach, numpy=torch.Tensor.numpy,
                 backward=torch.autograd.backward, from_numpy=torch.from_numpy, zeros_like=torch.zeros_like,
                 no_grad=torch.no_grad, module=torch.nn.Module, function=torch.autograd.Function)
    torch.set_num_threads(1)


def warm_up() -> None:
    """Pays torch's lazy first-use costs (kernels, autograd engine) before a pooled sandbox gets its job."""
    torch = _ORIG["torch"]
    layer = torch.nn.Linear(4, 4)
    layer(torch.ones(2, 4)).softmax(-1).sum().backward()


def before_case() -> None:
    """The same state before every case, on both sides: one thread, seed 0, grad mode on."""
    torch = _ORIG["torch"]
    torch.set_num_threads(1)
    torch.manual_seed(0)
    torch.set_grad_enabled(True)


def entry_problem(kind: str, obj) -> str:
    """Why `obj` cannot be the entry point of a `kind` problem, or ''."""
    if kind == "module" and not (isinstance(obj, type) and issubclass(obj, _ORIG["module"])):
        return "a torch.nn.Module subclass"
    if kind == "autograd" and not (isinstance(obj, type) and issubclass(obj, _ORIG["function"])):
        return "a torch.autograd.Function subclass"
    if kind in ("function", "scored") and not callable(obj):
        return "a function"
    return ""


def to_tensor(array):
    """A fresh tensor for one call: a copy, so nothing the call does reaches the case or another call."""
    return _ORIG["from_numpy"](np.array(array, copy=True))


def tensors_for_call(args: list, kwargs: dict, tensors: dict) -> tuple[list, dict]:
    """The arguments as the entry point receives them: the arrays that `tensors` names ({"all": true} for every
    array, or {"args": [index, …], "kwargs": [name, …]}) as fresh tensors."""
    every, at, names = tensors.get("all", False), set(tensors.get("args", ())), set(tensors.get("kwargs", ()))
    args = [to_tensor(a) if (every or i in at) and isinstance(a, np.ndarray) else a for i, a in enumerate(args)]
    kwargs = {k: to_tensor(v) if (every or k in names) and isinstance(v, np.ndarray) else v
              for k, v in kwargs.items()}
    return args, kwargs


def as_array(tensor) -> np.ndarray:
    """An exact torch.Tensor's values as a plain array (its own copy)."""
    try:
        return np.array(_ORIG["numpy"](_ORIG["detach"](tensor).resolve_conj().resolve_neg()), copy=True)
    except Exception as exc:  # sparse, meta, bfloat16, …: nothing the trusted side could compare
        raise BadOutput(f"a tensor that cannot be converted to an array: {_cut(exc)}") from None


def to_plain(value, depth: int = 0):
    """What crosses back: exact tensors become arrays, tuples/lists/dicts are converted item by item, anything
    else is left as it is for the codec, which refuses what is not plain data."""
    if depth > MAX_DEPTH:
        raise BadOutput("the value is nested too deeply")
    t = type(value)
    if t is _ORIG["tensor"]:
        return as_array(value)
    if isinstance(value, _ORIG["tensor"]):
        raise BadOutput(f"returned a tensor subclass ({t.__module__}.{t.__qualname__}); return a plain torch.Tensor")
    if t is list:
        return [to_plain(v, depth + 1) for v in value]
    if t is tuple:
        return tuple(to_plain(v, depth + 1) for v in value)
    if t is dict:
        return {k: to_plain(v, depth + 1) for k, v in value.items()}
    return value


def plain_arguments(args: list, kwargs: dict) -> tuple[list, dict]:
    """The arguments after a call, as arrays again, to be fingerprinted: an input changed in place shows."""
    def one(value):
        if type(value) is _ORIG["tensor"]:
            try:
                return as_array(value)
            except BadOutput:
                return None
        return value
    return [one(a) for a in args], {k: one(v) for k, v in kwargs.items()}


def call(kind: str, entry, args: list, kwargs: dict, spec: dict):
    """Runs one case of a `kind` problem; returns plain data (to_plain already applied)."""
    before_case()
    if kind == "module":
        return run_module(entry, args, kwargs, spec)
    if kind == "autograd":
        return run_autograd(entry, args, kwargs, spec)
    return to_plain(entry(*args, **kwargs))


def run_module(cls, args: list, kwargs: dict, spec: dict) -> dict:
    """m = cls(**init); its parameters' names and shapes; load `state` by name; m.train(train); out = m(*args);
    (out * upstream).sum().backward(); the output and every parameter's gradient.

    Loading: every name in `state` must exist in the module and every parameter must be in `state` (buffers
    that `state` leaves out keep the module's own values: a module computes its own positional table). A
    mismatch stops the case with `load_error` set and no output: the trusted side names what differs."""
    module = cls(**spec.get("init", {}))
    params = dict(module.named_parameters())
    out = {"output": None, "grads": {}, "shapes": {k: list(p.shape) for k, p in params.items()}, "no_grad": [],
           "load_error": ""}
    state = {k: to_tensor(v) for k, v in spec.get("state", {}).items()}
    try:
        missing, unexpected = module.load_state_dict(state, strict=False)
    except Exception as exc:  # a shape mismatch raises even when not strict
        out["load_error"] = _cut(exc)
        return out
    problems = [f"`{k}` is not in the module" for k in unexpected]
    problems += [f"parameter `{k}` was not given" for k in missing if k in params]
    if problems:
        out["load_error"] = "loading the weights by name: " + "; ".join(problems)
        return out
    module.train(bool(spec.get("train", False)))
    output = module(*args, **kwargs)
    if type(output) is not _ORIG["tensor"]:
        raise BadOutput(f"forward returned {_type_name(output)}; expected a torch.Tensor")
    out["output"] = as_array(output)
    upstream = spec["upstream"]
    if tuple(output.shape) == tuple(upstream.shape) and output.requires_grad:
        _ORIG["backward"]((output * to_tensor(upstream)).sum())
    with _ORIG["no_grad"]():
        for name, p in params.items():
            if p.grad is None:
                out["no_grad"].append(name)
            out["grads"][name] = as_array(p.grad if p.grad is not None else _ORIG["zeros_like"](p))
    return out


def run_autograd(cls, args: list, kwargs: dict, spec: dict) -> dict:
    """out = cls.apply(*args) with every floating tensor argument requiring grad; (out * upstream).sum()
    .backward(); the output and each argument's gradient (None where it is not a floating tensor), and the
    forward at each of the trusted side's `probes` (argument lists, float64) so that it can check the
    gradients against the submission's own forward by central differences (grader/torchcheck.py)."""
    wants = [type(a) is _ORIG["tensor"] and a.is_floating_point() for a in args]
    for a, w in zip(args, wants):
        if w:
            a.requires_grad_(True)
    output = cls.apply(*args, **kwargs)
    if type(output) is not _ORIG["tensor"]:
        raise BadOutput(f"apply returned {_type_name(output)}; expected a torch.Tensor")
    out = {"output": as_array(output), "grads": [], "no_grad": [], "probes": []}
    upstream = spec["upstream"]
    if tuple(output.shape) == tuple(upstream.shape) and output.requires_grad:
        _ORIG["backward"]((output * to_tensor(upstream)).sum())
    for i, (a, w) in enumerate(zip(args, wants)):
        if not w:
            out["grads"].append(None)
        elif a.grad is None:
            out["no_grad"].append(i)
            out["grads"].append(as_array(_ORIG["zeros_like"](a)))
        else:
            out["grads"].append(as_array(a.grad))
    for probe in spec.get("probes", ()):
        before_case()
        with _ORIG["no_grad"]():
            value = cls.apply(*[to_tensor(p) if isinstance(p, np.ndarray) else p for p in probe], **kwargs)
        if type(value) is not _ORIG["tensor"]:
            raise BadOutput(f"apply returned {_type_name(value)}; expected a torch.Tensor")
        out["probes"].append(as_array(value))
    return out


def _type_name(value) -> str:
    t = type(value)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _cut(exc: BaseException) -> str:
    try:
        text = f"{type(exc).__name__}: {exc}"
    except Exception:
        text = type(exc).__name__
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE] + " …"
