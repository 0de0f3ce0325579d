"""Stored grade reports for tests, built with the grader's own dataclasses: a report a test stores is one the
grader could have written (same fields, same schema version, valid enums), never a hand-copied dict that
drifts from grader.Report.

    report(public("example-1", input="x=1"), hidden("big-n", verdict=Verdict.WRONG_ANSWER), score=0.5)
"""
from __future__ import annotations

from grader import Report, TestResult, Verdict, Visibility


def public(name: str, *, verdict: str = Verdict.ACCEPTED, time_s: float | None = 0.002, **details) -> TestResult:
    """A public example; `details`: message, input, expected, got, score."""
    return _test(name, Visibility.PUBLIC, verdict, time_s, details)


def hidden(name: str, *, verdict: str = Verdict.ACCEPTED, time_s: float | None = 0.004, **details) -> TestResult:
    """A hidden test, as grading stores it: with whatever details it is given (the full report keeps them)."""
    return _test(name, Visibility.HIDDEN, verdict, time_s, details)


def _test(name: str, visibility: Visibility, verdict: str, time_s: float | None, details: dict) -> TestResult:
    verdict = Verdict(verdict)  # the models' Verdict has the same values
    return TestResult(name=name, visibility=visibility, verdict=verdict, passed=verdict is Verdict.ACCEPTED,
                      time_s=time_s, **details)


def report(*tests: TestResult, problem: str = "toy", verdict: str | None = None, score: float | None = None,
           **fields) -> dict:
    """The stored JSON of a report with these tests. By default the verdict is the first failing test's (or
    accepted), the score the fraction passed, and passed/total/time_s are counted from the tests."""
    failed = [t.verdict for t in tests if not t.passed]
    passed = sum(t.passed for t in tests)
    fields.setdefault("passed", passed)
    fields.setdefault("total", len(tests))
    fields.setdefault("time_s", round(sum(t.time_s or 0.0 for t in tests), 6))
    return Report(problem=problem, problem_version=fields.pop("problem_version", 1),
                  verdict=Verdict(verdict or (failed[0] if failed else Verdict.ACCEPTED)),
                  score=score if score is not None else (passed / len(tests) if tests else 0.0),
                  tests=list(tests), **fields).to_dict()
