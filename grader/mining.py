"""`grader mine`: search the declared input space for an input on which a candidate and the reference
disagree, shrink it with Hypothesis, and print it as a case ready to paste into cases.py.

Inputs come from the problem's `draw_case(draw)` in cases.py (a Hypothesis composite body), or, failing that,
from its [inputs] declaration alone. A difference is judged exactly as grading judges it (engine._judge_case:
the checker, the read-only check, a scored problem's metric), so what the miner finds, grading rejects.
The author's own wrong/*.py run in this process (they are trusted files); any other file runs in the sandbox.
"""
from __future__ import annotations

import copy
import signal
import time
import types
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from . import codec, engine
from .expected import sent_fingerprints
from .inputs import InputSpace
from .problem import Case, Kind, Problem, ProblemError, load_problem
from .report import Verdict
from .sandbox.base import CaseInput, CaseRun, CaseStatus, Ending, SandboxError


class CandidateError(ValueError):
    """The candidate cannot be mined at all (it does not load, or lacks the entry point)."""


class _OutOfTime(Exception):
    pass


class _CallTimeout(BaseException):
    pass


@dataclass
class Found:
    case: dict            # {"args": [...], "kwargs": {...}, ("target": ...)}
    why: str              # the verdict and message grading would give
    examples: int
    seconds: float


class Runner:
    """Runs a candidate on a batch of inputs ({"args", "kwargs"}) and returns one CaseRun each; a CaseRun
    left `not_run` (the batch ended early) says nothing about its input."""

    batch = 1  # how many inputs are worth running at once

    def __call__(self, cases: list[dict]) -> list[CaseRun]:
        raise NotImplementedError


class LocalRunner(Runner):
    """Runs a trusted candidate (an author's wrong/*.py) in this process, as the harness would."""

    def __init__(self, problem: Problem, source: str, name: str):
        module = types.ModuleType(f"mljudge_candidate_{Path(name).stem}")
        try:
            exec(compile(source, name, "exec"), module.__dict__)
            self.fn = getattr(module, problem.entry_point)
        except Exception as exc:
            raise CandidateError(f"{name} does not load: {type(exc).__name__}: {exc}") from None
        self.limit = problem.limits.time_per_case_s

    def __call__(self, cases: list[dict]) -> list[CaseRun]:
        return [self._one(list(c.get("args", [])), dict(c.get("kwargs", {}))) for c in cases]

    def _one(self, args: list, kwargs: dict) -> CaseRun:
        args, kwargs = codec.decode(codec.encode([args, kwargs]))
        previous = signal.signal(signal.SIGPROF, _raise_timeout)
        try:
            signal.setitimer(signal.ITIMER_PROF, self.limit)
            value = self.fn(*args, **kwargs)
            signal.setitimer(signal.ITIMER_PROF, 0)
        except _CallTimeout:
            return CaseRun(index=0, status=CaseStatus.TIMEOUT, message="time limit exceeded")
        except Exception as exc:
            signal.setitimer(signal.ITIMER_PROF, 0)
            return CaseRun(index=0, status=CaseStatus.ERROR, message=f"{type(exc).__name__}: {exc}"[:500])
        finally:
            signal.signal(signal.SIGPROF, previous)
        after = codec.fingerprints(args, kwargs)
        try:
            value = codec.decode(codec.encode(value))
        except codec.CodecError as exc:
            return CaseRun(index=0, status=CaseStatus.BAD_OUTPUT, message=str(exc), after=after)
        return CaseRun(index=0, status=CaseStatus.OK, value=value, after=after)


class SandboxRunner(Runner):
    """Runs an untrusted candidate in the sandbox: a whole batch of inputs in one fresh sandbox."""

    batch = 100

    def __init__(self, problem: Problem, source: str, sandbox):
        self.problem, self.source, self.sandbox = problem, source, sandbox

    def __call__(self, cases: list[dict]) -> list[CaseRun]:
        result = self.sandbox.run(source=self.source, entry_point=self.problem.entry_point,
                                  cases=[CaseInput(args=list(c.get("args", [])), kwargs=dict(c.get("kwargs", {})))
                                         for c in cases], limits=self.problem.limits)
        if result.ending is Ending.COMPILE_ERROR:
            raise CandidateError(f"the candidate does not load: {result.compile_message[-500:]}")
        runs = result.cases
        if result.interrupted is not None:
            status = CaseStatus.TIMEOUT if result.ending is Ending.TIMEOUT else CaseStatus.ERROR
            runs[result.interrupted] = CaseRun(index=result.interrupted, status=status, message=result.detail)
        return runs


def local_runner(problem: Problem, source: str, name: str) -> Runner:
    return LocalRunner(problem, source, name)


def sandbox_runner(problem: Problem, source: str, sandbox) -> Runner:
    return SandboxRunner(problem, source, sandbox)


def _raise_timeout(signum, frame):
    raise _CallTimeout()


def strategy(problem: Problem):
    """The Hypothesis strategy of one input: the author's draw_case, else one drawn from [inputs]."""
    from hypothesis import strategies as st

    draw_case = getattr(problem.trusted("cases"), "draw_case", None)
    if draw_case is not None:
        return st.composite(lambda draw: draw_case(draw))()
    return declared_strategy(problem.inputs)


def declared_strategy(space: InputSpace):
    """Independent arguments drawn from the declaration alone (no cross-argument constraints)."""
    from hypothesis import strategies as st
    from hypothesis.extra import numpy as hnp

    def one(spec):
        options = []
        for t in spec.types:
            if t == "array":
                lo, hi = spec.ndim or (1, 2)
                shapes = hnp.array_shapes(min_dims=lo, max_dims=hi, min_side=1, max_side=5)
                for name in spec.dtypes:
                    dtype = np.dtype("U4" if name == "str" else name)
                    elements = None
                    if dtype.kind == "f":
                        elements = st.floats(-1e3, 1e3, allow_nan=False, width=dtype.itemsize * 8)
                    options.append(hnp.arrays(dtype, shapes, elements=elements))
            elif t == "int":
                options.append(st.integers(-3, 12))
            elif t == "float":
                options.append(st.floats(-10, 10, allow_nan=False))
            elif t == "bool":
                options.append(st.booleans())
            elif t == "none":
                options.append(st.none())
        return st.one_of(options) if options else st.none()

    return st.fixed_dictionaries({"args": st.tuples(*[one(a) for a in space.args]).map(list),
                                  "kwargs": st.just({})})


def _reference_on(problem: Problem, case: dict, reference: Callable):
    """(expected output, fingerprints of the inputs as sent), or None when the reference cannot handle the
    input (then it is outside the problem's space and says nothing about the candidate)."""
    args, kwargs = list(case.get("args", [])), dict(case.get("kwargs", {}))
    try:
        expected = codec.decode(codec.encode(reference(*copy.deepcopy(args), **copy.deepcopy(kwargs))))
    except Exception:
        return None
    return expected, sent_fingerprints(args, kwargs)


def judge(problem: Problem, case: dict, got: CaseRun, reference: Callable, *,
          known: tuple | None = None) -> tuple[bool, str]:
    """(True, why) when grading would reject the candidate's run `got` on this input and accept the
    reference's: the same judgement as grading (engine._judge_case). `known`: _reference_on's answer for
    this input, when the caller already has it."""
    if got.status is CaseStatus.NOT_RUN:
        return False, ""
    known = known or _reference_on(problem, case, reference)
    if known is None:
        return False, ""
    expected, sent = known
    mined = Case(name="mined", public=False, args=list(case.get("args", [])), kwargs=dict(case.get("kwargs", {})),
                 target=case.get("target"))

    def verdict(case_run: CaseRun) -> tuple[Verdict, str, float | None]:
        test = engine._judge_case(problem, mined, case_run, None, expected, rows={}, sent=sent)
        return test.verdict, test.message, test.score

    v, message, score = verdict(got)
    if problem.kind is Kind.SCORED:
        _, _, ref_score = verdict(CaseRun(index=0, status=CaseStatus.OK, value=expected, after=sent))
        threshold = problem.scoring["threshold"]
        if ref_score is None or ref_score < threshold:
            return False, ""
        if v is not Verdict.ACCEPTED:
            return True, f"{v}: {message}"
        return (score is not None and score < threshold), f"score {score:.4f} < threshold {threshold}"
    return v is not Verdict.ACCEPTED, f"{v}: {message}".strip()


def mine(problem: Problem, run: Runner, *, seconds: float = 30.0, seed: int = 0) -> Found | None:
    """Searches for `seconds` (plus up to as long again to shrink a hit); None when nothing differs.
    A runner that takes one input at a time is searched and shrunk by Hypothesis directly; a batched one
    (the sandbox: a fresh container per call) is sent batches of drawn inputs, and the smallest input that
    differs is kept."""
    from hypothesis import HealthCheck, Phase, Verbosity, find, settings

    reference = getattr(problem.trusted("reference"), problem.entry_point)
    started = time.monotonic()
    state = {"examples": 0, "best": None}

    def keep(case: dict, why: str) -> None:
        size = len(codec.encode([case.get("args", []), case.get("kwargs", {})]))
        if state["best"] is None or size <= state["best"][0]:
            state["best"] = (size, copy.deepcopy(case), why)

    def differs(case: dict) -> bool:
        elapsed = time.monotonic() - started
        if elapsed > (2 * seconds if state["best"] else seconds):
            raise _OutOfTime()
        state["examples"] += 1
        hit, why = judge(problem, case, run([case])[0], reference)
        if hit:
            keep(case, why)
        return hit

    drawn: list[dict] = []

    def record(case: dict) -> bool:
        drawn.append(copy.deepcopy(case))
        if len(drawn) >= run.batch:
            raise _OutOfTime()
        return False

    round_ = 0
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        while True:
            config = settings(max_examples=1_000_000, deadline=None, database=None,
                              derandomize=run.batch == 1 and seed == 0, suppress_health_check=list(HealthCheck),
                              verbosity=Verbosity.quiet,
                              phases=[Phase.generate, Phase.shrink] if run.batch == 1 else [Phase.generate])
            rng = None if run.batch == 1 and seed == 0 else _rng(seed * 1000 + round_)
            try:
                find(strategy(problem), differs if run.batch == 1 else record, settings=config, random=rng)
            except _OutOfTime:
                pass
            except Exception as exc:
                if type(exc).__name__ not in ("NoSuchExample", "Unsatisfiable"):
                    raise
            if run.batch == 1:
                break
            # The reference runs once per input: its answer both filters the batch and judges it.
            valid = [(c, k) for c in drawn if (k := _reference_on(problem, c, reference)) is not None]
            runs = run([c for c, _ in valid]) if valid else []
            for (case, known), got in zip(valid, runs):
                hit, why = judge(problem, case, got, reference, known=known)
                if hit:
                    keep(case, why)
            state["examples"] += len(valid)
            drawn.clear()
            round_ += 1
            if state["best"] or time.monotonic() - started > seconds:
                break
    if state["best"] is None:
        return None
    _, case, why = state["best"]
    return Found(case=case, why=why, examples=state["examples"], seconds=time.monotonic() - started)


def _rng(seed: int):
    import random

    return random.Random(seed)


LOCAL_MEMORY_CAP = 8 << 30


def _cap_memory(limit: int) -> None:
    """The author's wrong solutions run in this process: cap its address space so that one allocating by
    an input's value (np.bincount of a label near 2**62) fails with MemoryError instead of taking the host."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def render_case(case: dict, name: str) -> str:
    """A cases.py entry, ready to paste (exact: floats by repr, arrays with their dtype and shape)."""
    parts = [f'"name": "{name}"', '"public": False', f'"args": {_py(list(case.get("args", [])))}']
    if case.get("kwargs"):
        parts.append(f'"kwargs": {_py(case["kwargs"])}')
    if "target" in case:
        parts.append(f'"target": {_py(case["target"])}')
    return "{" + ", ".join(parts) + "},"


def _py(value: Any) -> str:
    if isinstance(value, np.ndarray):
        dtype = "np.str_" if value.dtype.kind == "U" else f"np.{value.dtype.name}"
        if value.size == 0:
            return f"np.zeros({value.shape}, dtype={dtype})"
        return f"np.array({_py(value.tolist())}, dtype={dtype})"
    if isinstance(value, np.generic):
        return _py(value.item())
    if isinstance(value, list):
        return "[" + ", ".join(_py(v) for v in value) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(_py(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f'"{k}": {_py(v)}' for k, v in value.items()) + "}"
    if isinstance(value, float) and not np.isfinite(value):
        return f'float("{value}")'
    return repr(value)


def mine_command(args, make_sandbox) -> int:
    """The CLI: mines every candidate and prints what it found. Exit 0 when each one was distinguished."""
    try:
        problem = load_problem(args.problem)
        if problem.kind is Kind.DESIGN:
            print(f"{problem.slug} is a design problem: nothing to mine")
            return 2
        problem.cases()
    except ProblemError as exc:
        print("malformed problem folder:\n" + "\n".join(f"  {exc.folder}/{e}" for e in exc.errors))
        return 2
    has_draw = hasattr(problem.trusted("cases"), "draw_case")
    print(f"{problem.slug}: drawing inputs from "
          + ("cases.py draw_case()" if has_draw else "the [inputs] declaration alone (no draw_case in cases.py)"))
    sandbox = None
    candidates: list[tuple[str, Runner]] = []
    try:
        if args.wrong:
            sandbox = make_sandbox(args.sandbox, pool=2, runtime=problem.runtime)
            for path in args.wrong:
                source = engine.check_source(path.read_bytes())
                candidates.append((str(path), sandbox_runner(problem, source, sandbox)))
        else:
            _cap_memory(LOCAL_MEMORY_CAP)  # a wrong solution may allocate by a label's value, as in the sandbox
            for name, source in problem.wrong.items():
                candidates.append((f"wrong/{name}", local_runner(problem, source, name)))
        missed = 0
        for label, runner in candidates:
            found = mine(problem, runner, seconds=args.seconds, seed=args.seed)
            if found is None:
                missed += 1
                print(f"\n{label}: no distinguishing input found in {args.seconds:g} s")
                continue
            stem = Path(label).stem.replace("_", "-")
            print(f"\n{label}: differs after {found.examples} examples, {found.seconds:.1f} s — {found.why[:300]}")
            print("    " + render_case(found.case, f"mined-{stem}"))
        return 1 if missed else 0
    except (OSError, engine.SourceError, CandidateError) as exc:
        print(f"cannot mine the candidate: {exc}")
        return 2
    except SandboxError as exc:
        print(f"system error (not the candidate's fault; retry): {exc}")
        return 3
    finally:
        if sandbox is not None:
            sandbox.close()
