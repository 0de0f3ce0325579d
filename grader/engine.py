"""grade(problem, source) -> Report: runs a submission in a sandbox and judges it on the trusted side."""
from __future__ import annotations

from enum import StrEnum
from typing import Any, Callable

import numpy as np

from . import scoring, torchcheck
from .checkers import CheckResult, compare
from .expected import expected_outputs, input_fingerprints
from .problem import Case, Kind, Problem
from .report import Report, SolverReport, SolverTest, TestResult, Verdict, Visibility, solver_stream
from .sandbox.base import CaseStatus, Ending, RunResult
from .sandbox.runtimes import Runtime, sandbox_for

MAX_SOURCE_BYTES = 64 * 1024
SHOWN_CHARS = 2000
# The category a hidden test shows when the code changed one of its (read-only) arguments, whatever the case.
INPUT_MODIFIED = "input must not be modified"

RUN_ENDING_VERDICT = {
    Ending.TIMEOUT: Verdict.TIME_LIMIT_EXCEEDED,
    Ending.OOM: Verdict.MEMORY_LIMIT_EXCEEDED,
    Ending.OUTPUT: Verdict.OUTPUT_LIMIT_EXCEEDED,
    Ending.EXITED: Verdict.RUNTIME_ERROR,
    Ending.PROTOCOL: Verdict.RUNTIME_ERROR,
}
# After one of these the run is over: later groups are not started, their tests are skipped.
RUN_ENDERS = (Verdict.TIME_LIMIT_EXCEEDED, Verdict.MEMORY_LIMIT_EXCEEDED)
CASE_STATUS_VERDICT = {
    CaseStatus.ERROR: Verdict.RUNTIME_ERROR,
    CaseStatus.TIMEOUT: Verdict.TIME_LIMIT_EXCEEDED,
    CaseStatus.MEMORY: Verdict.MEMORY_LIMIT_EXCEEDED,
    CaseStatus.BAD_OUTPUT: Verdict.WRONG_ANSWER,
}


class SourceProblem(StrEnum):
    TOO_LARGE = "too_large"
    NOT_UTF8 = "not_utf8"
    EMPTY = "empty"
    NUL = "nul"


class SourceError(ValueError):
    """The submission cannot be run at all: too large, not UTF-8, or empty. The message says why, `reason`
    says which."""

    def __init__(self, message: str, *, reason: SourceProblem):
        super().__init__(message)
        self.reason = reason


def check_source(source: bytes | str, *, allow_empty: bool = False) -> str:
    """The submission as text, or SourceError with a message fit to show the user. allow_empty is for
    drafts: an editor may be emptied, but the other limits hold."""
    raw = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    if len(raw) > MAX_SOURCE_BYTES:
        raise SourceError(f"the source is {len(raw):,} bytes; the limit is {MAX_SOURCE_BYTES:,} bytes",
                          reason=SourceProblem.TOO_LARGE)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(f"the source is not valid UTF-8 (byte 0x{raw[exc.start]:02x} on line {line})",
                          reason=SourceProblem.NOT_UTF8) from None
    if not text.strip() and not allow_empty:
        raise SourceError("the source is empty", reason=SourceProblem.EMPTY)
    if "\x00" in text:
        raise SourceError("the source contains a NUL character", reason=SourceProblem.NUL)
    return text


def grade(problem: Problem, source: bytes | str, *, sandbox, public_only: bool = False, reveal_hidden: bool = False,
          on_test: Callable[[TestResult], None] | Callable[[SolverTest], None] | None = None
          ) -> Report | SolverReport:
    """Grades one submission. Raises sandbox.SandboxError (retryable) when the sandbox itself fails;
    anything the submission does wrong is a verdict in the report.

    The full Report is returned only with reveal_hidden, which is for instructors and authors; otherwise its
    solver view (Report.for_solver). on_test(test) is called as each test is judged, while the sandbox still
    runs (keep it quick: the next case is already running), with the same view."""
    if on_test and not reveal_hidden:
        on_test = solver_stream(on_test)
    full = _grade(problem, source, sandbox=sandbox, public_only=public_only, on_test=on_test)
    return full if reveal_hidden else full.for_solver()


def _grade(problem: Problem, source: bytes | str, *, sandbox, public_only: bool,
           on_test: Callable[[TestResult], None] | None) -> Report:
    if problem.kind is Kind.DESIGN:
        raise ValueError(f"{problem.slug} is a design problem: an instructor grades it against its rubric")
    sandbox = sandbox_for(sandbox, problem.runtime)  # each runtime has its own image and warm pool
    report = Report(problem=problem.slug, problem_version=problem.version, verdict=Verdict.ACCEPTED,
                    score=0.0, sandbox=sandbox.name, public_only=public_only)
    try:
        text = check_source(source)
    except SourceError as exc:
        report.verdict, report.message = Verdict.COMPILE_ERROR, str(exc)
        return report
    cases = [c for c in problem.cases() if c.public or not public_only]
    expected = expected_outputs(problem)
    fingerprints = input_fingerprints(problem)
    # Public and hidden cases run in separate sandboxes, so that what we show from the public run (prints,
    # tracebacks) comes from a process that never held a hidden input.
    groups = [[c for c in cases if c.public], [c for c in cases if not c.public]]
    rows: dict[str, np.ndarray] = {}  # scored problems: the metric per row of each valid prediction
    for group in groups:
        if not group:
            continue
        if any(t.verdict in RUN_ENDERS for t in report.tests):
            # A time or memory failure ended the run: a bad submission costs one limit, not one per case.
            for case in group:
                test = _skipped(case)
                if on_test:
                    on_test(test)
                report.tests.append(test)
            continue
        judged: dict[int, TestResult] = {}

        def judge_now(case_run, group=group, judged=judged) -> None:
            case = group[case_run.index]
            judged[case_run.index] = _judge_case(problem, case, case_run, None, expected.get(case.name),
                                                 rows=rows, sent=fingerprints[case.name])
            if on_test:
                on_test(judged[case_run.index])

        run = sandbox.run(source=text, entry_point=problem.entry_point, cases=[_as_input(problem, c) for c in group],
                          limits=problem.limits, on_case=judge_now, **_options(problem, group))
        report.wall_time_s += run.wall_time_s
        if run.peak_memory_kb is not None:
            report.peak_memory_kb = max(report.peak_memory_kb or 0, run.peak_memory_kb)
        public = group[0].public
        if run.ending is Ending.COMPILE_ERROR or (run.ending is not Ending.FINISHED and run.interrupted is None
                                                  and not any(r.status is not CaseStatus.NOT_RUN for r in run.cases)):
            report.verdict = Verdict.COMPILE_ERROR if run.ending in (Ending.COMPILE_ERROR, Ending.EXITED,
                                                                     Ending.PROTOCOL) \
                else RUN_ENDING_VERDICT[run.ending]
            report.message = run.compile_message or run.detail
            if public:
                report.stdout = _tail(run.stderr)
            else:
                report.message, report.hidden_stdout = "solution.py failed to load in the hidden run", _tail(run.stderr)
            report.tests = []
            return report
        if public:
            report.stdout = _tail(run.stderr)
        else:
            report.hidden_stdout = _tail(run.stderr)
        for case, case_run in zip(group, run.cases):
            test = judged.get(case_run.index)
            if test is None:  # not run, or interrupted: judged from how the run ended
                test = _judge_case(problem, case, case_run, run, expected.get(case.name), rows=rows,
                                   sent=fingerprints[case.name])
                if on_test:
                    on_test(test)
            report.tests.append(test)
    _finish(problem, report, cases, rows)
    return report


def _as_input(problem: Problem, case: Case):
    if problem.kind is Kind.AUTOGRAD:
        return case.as_input(probes=torchcheck.probes(case.name, case.args))
    return case.as_input()


def _options(problem: Problem, group: list[Case]) -> dict:
    """How the torch harness calls the entry point (the NumPy runtime's job is unchanged: no options)."""
    if problem.runtime is not Runtime.TORCH:
        return {}
    positions = [problem.tensor_positions(c) for c in group]
    tensors = positions[0] if positions[0].get("all") else {
        "args": sorted({i for p in positions for i in p["args"]}),
        "kwargs": sorted({k for p in positions for k in p["kwargs"]})}
    return {"options": {"kind": problem.kind.value, "tensors": tensors}}


def _skipped(case: Case) -> TestResult:
    return TestResult(name=case.name, visibility=Visibility.PUBLIC if case.public else Visibility.HIDDEN,
                      verdict=Verdict.SKIPPED, passed=False, time_s=None,
                      message="not run: an earlier test ended the run", covers=list(case.covers),
                      category=case.category)


def modified_inputs(problem: Problem, sent: dict, after: Any) -> list[str]:
    """The names of the arguments a call changed (that the problem does not allow it to change)."""
    if type(after) is not dict or type(after.get("args")) is not list or type(after.get("kwargs")) is not dict:
        return ["its arguments"]  # the harness must report them: a missing report is not a pass
    changed = [i for i, fp in enumerate(sent["args"])
               if i >= len(after["args"]) or after["args"][i] != fp]
    changed += [k for k, fp in sent["kwargs"].items() if after["kwargs"].get(k) != fp]
    return [problem.inputs.label(p) for p in changed if not problem.inputs.is_mutable(p)]


def _judge_case(problem: Problem, case: Case, case_run, run: RunResult | None, expected: Any, *,
                rows: dict[str, np.ndarray], sent: dict) -> TestResult:
    """One test's verdict. For scored problems, also records the metric per row in `rows`."""
    test = TestResult(name=case.name, visibility=Visibility.PUBLIC if case.public else Visibility.HIDDEN,
                      verdict=Verdict.ACCEPTED, passed=False, time_s=case_run.time_s, covers=list(case.covers),
                      category=case.category)
    changed = modified_inputs(problem, sent, case_run.after) if case_run.status is CaseStatus.OK else []
    if changed:
        test.verdict = Verdict.WRONG_ANSWER
        # Whatever kind of case it was, what the solver must learn is this: the category says so.
        test.category = INPUT_MODIFIED
        message = "modified its input " + ", ".join(f"`{name}`" for name in changed) + \
            " (inputs are read-only: work on a copy)"
    elif case_run.status is CaseStatus.OK:
        if problem.kind is not Kind.SCORED:
            ok, message = _check(problem, case, expected, case_run.value)
        else:
            message = scoring.validate_predictions(case_run.value, case.target, problem.scoring["metric"])
            ok = not message
            if ok:
                rows[case.name] = _per_row(problem, case, case_run.value)
                test.score = float(rows[case.name].mean())
        test.verdict = Verdict.ACCEPTED if ok else Verdict.WRONG_ANSWER
        test.passed = ok
    elif case_run.status is CaseStatus.NOT_RUN:
        if run.interrupted == case_run.index:
            test.verdict = RUN_ENDING_VERDICT.get(run.ending, Verdict.RUNTIME_ERROR)
            message = run.detail
        else:
            test.verdict = Verdict.SKIPPED
            message = "not run: an earlier test ended the run"
            test.time_s = None
    else:
        test.verdict = CASE_STATUS_VERDICT[case_run.status]
        message = case_run.message
    # Every test carries its details here; a solver sees hidden ones through report.solver_test only.
    test.message = message
    test.input = _show_input(case)
    if problem.kind is not Kind.SCORED:
        test.expected = _show(expected)
    if case_run.status is CaseStatus.OK:
        test.got = _show(case_run.value)
    return test


def _check(problem: Problem, case: Case, expected: Any, got: Any) -> CheckResult:
    checker = problem.checker
    tolerances = {"rtol": checker.get("rtol", 1e-6), "atol": checker.get("atol", 1e-9),
                  "exact": checker["type"] == "exact"}
    if problem.kind is Kind.MODULE:
        return _guarded(torchcheck.compare_module, expected, got, **tolerances)
    if problem.kind is Kind.AUTOGRAD:
        return _guarded(torchcheck.compare_autograd, expected, got, case_name=case.name, args=case.args,
                        upstream=case.spec["upstream"], **tolerances)
    if checker["type"] == "custom":
        module = problem.trusted("checker")
        try:
            outcome = module.check(case.args, case.kwargs, expected, got)
        except Exception as exc:  # a malformed output can trip the author's checker: that is a wrong answer
            return False, f"output could not be checked: {type(exc).__name__}: {exc}"
        return (outcome, "") if isinstance(outcome, bool) else (bool(outcome[0]), str(outcome[1]))
    return compare(expected, got, **tolerances)


def _guarded(check, *args, **kwargs) -> CheckResult:
    """A torch checker on what an untrusted harness sent: anything it did not expect is a wrong answer."""
    try:
        return check(*args, **kwargs)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError) as exc:
        return False, f"the result could not be checked: {type(exc).__name__}"


def _per_row(problem: Problem, case: Case, predictions: Any) -> np.ndarray:
    params = {k: v for k, v in problem.scoring.items()
              if k not in ("metric", "threshold", "public_fraction", "seed")}
    return scoring.METRICS[problem.scoring["metric"]](predictions, case.target, **params)


def _finish(problem: Problem, report: Report, cases: list[Case], rows: dict[str, np.ndarray]) -> None:
    report.total = len(report.tests)
    report.passed = sum(t.passed for t in report.tests)
    report.time_s = round(sum(t.time_s or 0.0 for t in report.tests), 6)
    report.verdict = scoring.overall_verdict([t.verdict for t in report.tests])
    if problem.kind is not Kind.SCORED:
        report.score = report.passed / report.total if report.total else 0.0
        return
    # Scored: the hidden cases' rows, split into a public and a private part; public-only runs score the
    # public examples. Accepted when every case returned valid predictions and the score clears the bar.
    scored = [c for c in cases if not c.public] or cases
    if not all(c.name in rows for c in scored):
        report.score = 0.0
        return
    per_row = np.concatenate([rows[c.name] for c in scored])
    if report.public_only:
        report.score = report.overall_score = float(per_row.mean())
        passed_bar = report.score >= problem.scoring["threshold"]
    else:
        mask = scoring.public_mask(len(per_row), fraction=problem.scoring.get("public_fraction", 0.5),
                                   seed=str(problem.scoring.get("seed", problem.slug)))
        public, private, overall = scoring.score_rows(per_row, mask)
        report.score, report.private_score, report.overall_score = public, private, overall
        passed_bar = overall >= problem.scoring["threshold"]
    if report.verdict is Verdict.ACCEPTED and not passed_bar:
        report.verdict = Verdict.WRONG_ANSWER
        what = "score" if report.public_only else "score over all hidden rows"
        report.message = f"the {what} is below the acceptance threshold {problem.scoring['threshold']}"


def public_examples(problem: Problem) -> list[dict]:
    """The public cases as a Run's report shows them (name, input and, for function problems, the reference's
    expected output), for a problem's page or API before anything is run. Hidden cases never appear."""
    if problem.kind is Kind.DESIGN:
        return []
    expected = expected_outputs(problem)   # {} for scored problems: their targets are not shown
    return [{"name": case.name, "input": _show_input(case),
             "expected": _show(expected[case.name]) if case.name in expected else None}
            for case in problem.cases() if case.public]


def _show_input(case: Case) -> str:
    return _show({"args": case.args, **({"kwargs": case.kwargs} if case.kwargs else {})})


def _show(value: Any) -> str:
    with np.printoptions(threshold=50, edgeitems=3, precision=6):
        text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


def _tail(text: str) -> str:
    return text[-SHOWN_CHARS:]
