"""The grade report: a versioned JSON document. Bump SCHEMA_VERSION on any incompatible change, and teach
`upgrade` to bring the older version up to it.

The full Report is for instructors and authors. What a solver may see of it is decided here and nowhere else:
`Report.for_solver()` (a whole report), `solver_test` (one test) and `solver_stream` (tests as they are judged).
"""
from __future__ import annotations

import enum
import itertools
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import ClassVar

SCHEMA_VERSION = 3  # 2: tests carry the [edges] rules their case covers (`covers`); 3: their `category`


class Verdict(enum.StrEnum):
    ACCEPTED = "accepted"
    WRONG_ANSWER = "wrong_answer"
    RUNTIME_ERROR = "runtime_error"
    TIME_LIMIT_EXCEEDED = "time_limit_exceeded"
    MEMORY_LIMIT_EXCEEDED = "memory_limit_exceeded"
    OUTPUT_LIMIT_EXCEEDED = "output_limit_exceeded"
    COMPILE_ERROR = "compile_error"
    SYSTEM_ERROR = "system_error"
    SKIPPED = "skipped"  # per test only: not run because an earlier failure ended the run


class Visibility(enum.StrEnum):
    PUBLIC = "public"
    HIDDEN = "hidden"


SOLVER_TIME_DIGITS = 1  # 0.1 s


class CoarseSeconds(float):
    """A time rounded by solver_time; it says so itself, so that pages print it as coarse ("0.1 s")."""

    digits = SOLVER_TIME_DIGITS


def solver_time(seconds: float | None) -> CoarseSeconds | None:
    """A time that a hidden test counts in (its own, or a total), as solvers see it: to the nearest 0.1 s.
    To the millisecond, code could read the size of a hidden input back (loop or sleep n ms, read n off the
    page)."""
    try:
        return None if seconds is None else CoarseSeconds(round(float(seconds), SOLVER_TIME_DIGITS))
    except (TypeError, ValueError, OverflowError):
        return None


def failure_category(*, category: str, covers) -> str:
    """What a solver is told a failed hidden test was about: the case's category, else the edge rules it covers.
    The one rule for a case (grader.problem.Case) and for a stored test (TestResult)."""
    return category or ", ".join(covers)


@dataclass
class TestResult:
    name: str
    visibility: Visibility
    verdict: Verdict
    passed: bool
    time_s: float | None
    message: str = ""        # everything below: full reports; a solver sees it for public tests only
    input: str = ""          # a short rendering of what was passed
    expected: str = ""
    got: str = ""
    score: float | None = None  # scored problems
    covers: list[str] = field(default_factory=list)  # the [edges] rules the case exercises (author-declared)
    category: str = ""  # the author's name for the kind of case ("ties", "empty cluster"); may be empty

    @property
    def failure_category(self) -> str:
        return failure_category(category=self.category, covers=self.covers)

    @property
    def hidden(self) -> bool:
        return self.visibility is Visibility.HIDDEN

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True)
class HiddenTest:
    """A hidden test as a solver sees it. Not its name (names like "empty-cluster" are hints), input, expected
    or actual output, message or per-test score: only which hidden test it is, its verdict, a coarse time, and
    on a failure the author's category for it (its case's `category`, else the [edges] rules it covers)."""

    ordinal: int                 # 1 for the first hidden test, 2 for the second, ...
    verdict: Verdict
    time_s: CoarseSeconds | None
    category: str = ""

    visibility: ClassVar[Visibility] = Visibility.HIDDEN
    hidden: ClassVar[bool] = True

    @property
    def passed(self) -> bool:  # the same as the full test's: a test passes exactly when it is accepted
        return self.verdict is Verdict.ACCEPTED

    @property
    def label(self) -> str:
        return f"Hidden test {self.ordinal}"

    def to_dict(self) -> dict:
        return {"visibility": str(self.visibility), **asdict(self)}


SolverTest = TestResult | HiddenTest  # public tests are shown complete


def solver_test_dict(test: SolverTest) -> dict:
    """A solver's view of one test as JSON-able data (the report's, live progress's, the API's)."""
    return asdict(test) if isinstance(test, TestResult) else test.to_dict()


def solver_test(test: TestResult, *, ordinal: int) -> SolverTest:
    """One test as a solver sees it; `ordinal` numbers the hidden tests (1, 2, ...) and is unused for public
    ones. The one place that decides what a hidden test reveals."""
    if not test.hidden:
        return test
    failed = test.verdict not in (Verdict.ACCEPTED, Verdict.SKIPPED)
    return HiddenTest(ordinal=ordinal, verdict=test.verdict, time_s=solver_time(test.time_s),
                      category=test.failure_category if failed else "")


def solver_tests(tests: list[TestResult]) -> list[SolverTest]:
    ordinals = itertools.count(1)
    return [solver_test(t, ordinal=next(ordinals) if t.hidden else 0) for t in tests]


def solver_stream(on_test: Callable[[SolverTest], None]) -> Callable[[TestResult], None]:
    """An on_test callback for grade() that passes each test on as solver_tests would show it (tests arrive in
    report order)."""
    ordinals = itertools.count(1)

    def relay(test: TestResult) -> None:
        on_test(solver_test(test, ordinal=next(ordinals) if test.hidden else 0))

    return relay


def solver_test_from_dict(data: dict, *, ordinal: int) -> SolverTest:
    """A solver test stored as a dict (HiddenTest.to_dict(), or some of a public TestResult's fields) read back.
    It goes through solver_test again, so whatever else a stored hidden row holds (an older recorder kept
    names) never comes back out."""
    test = TestResult(name=str(data.get("name", "")), visibility=Visibility(data.get("visibility", "hidden")),
                      verdict=Verdict(data["verdict"]), passed=bool(data.get("passed", False)),
                      time_s=data.get("time_s"),
                      category=str(data.get("category") or ""))
    if not test.hidden:
        for name in ("message", "input", "expected", "got"):
            setattr(test, name, str(data.get(name, "")))
    return solver_test(test, ordinal=ordinal)


@dataclass(frozen=True)
class SolverReport:
    """Report.for_solver(): what the submission's author may see. Totals that count a hidden test are coarse;
    what the hidden run printed, the peak memory of a run with hidden tests, and the private part of a scored
    split are left out."""

    problem: str
    problem_version: int
    verdict: Verdict
    score: float
    tests: list[SolverTest]
    message: str
    stdout: str
    passed: int
    total: int
    time_s: float | None
    wall_time_s: float | None
    peak_memory_kb: int | None
    sandbox: str
    public_only: bool
    overall_score: float | None = None    # scored problems: the score that decides acceptance (see Report)
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["tests"] = [solver_test_dict(t) for t in self.tests]
        return data


@dataclass
class Report:
    problem: str
    problem_version: int
    verdict: Verdict
    score: float                          # 0..1 for function problems (fraction passed); the metric for scored
    tests: list[TestResult] = field(default_factory=list)
    message: str = ""                     # compile errors and whole-run failures, in words
    stdout: str = ""                      # what the submission printed in the public run
    hidden_stdout: str = ""               # ... and in the hidden run (full reports only: instructors)
    private_score: float | None = None    # scored problems: the hidden part of the split
    # Scored problems: the mean over every hidden row (public and private parts together; over the public
    # examples in a run), the one compared with the threshold. A solver sees it: it is what they must raise.
    overall_score: float | None = None
    passed: int = 0
    total: int = 0
    time_s: float = 0.0                   # sum of per-test times
    wall_time_s: float = 0.0
    peak_memory_kb: int | None = None
    sandbox: str = ""
    public_only: bool = False
    schema_version: int = SCHEMA_VERSION

    def for_solver(self) -> SolverReport:
        counts_hidden = any(t.hidden for t in self.tests) or not self.public_only
        total = solver_time if counts_hidden else (lambda seconds: seconds)
        return SolverReport(
            problem=self.problem, problem_version=self.problem_version, verdict=self.verdict, score=self.score,
            tests=solver_tests(self.tests), message=self.message, stdout=self.stdout, passed=self.passed,
            total=self.total, time_s=total(self.time_s), wall_time_s=total(self.wall_time_s),
            # Memory, like time, grows with a hidden input's size: not shown once a hidden test counts in it.
            peak_memory_kb=None if counts_hidden else self.peak_memory_kb, sandbox=self.sandbox,
            public_only=self.public_only, overall_score=self.overall_score)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Report":
        """A stored report of this or any older schema version (see upgrade)."""
        data = upgrade(data)
        data["verdict"] = Verdict(data["verdict"])
        data["tests"] = [TestResult(**{**t, "verdict": Verdict(t["verdict"]),
                                       "visibility": Visibility(t["visibility"])}) for t in data["tests"]]
        return cls(**data)


def upgrade(data: dict) -> dict:
    """A stored report dict brought to SCHEMA_VERSION: the one place older versions are read. Fields a version
    did not have take their defaults; ones this version does not know are dropped. ValueError for a report from
    a newer grader, or one without a verdict."""
    version = data.get("schema_version", 0)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ValueError(f"report schema {version!r} is newer than {SCHEMA_VERSION}")
    if "verdict" not in data or "problem" not in data:
        raise ValueError("not a grade report: no problem or verdict")
    known = {f.name for f in fields(Report)}
    test_known = {f.name for f in fields(TestResult)}
    upgraded = {k: v for k, v in data.items() if k in known}
    upgraded.setdefault("problem_version", 0)
    upgraded.setdefault("score", 0.0)
    upgraded["tests"] = [{"name": "", "passed": False, "time_s": None, "visibility": Visibility.HIDDEN,
                          **{k: v for k, v in t.items() if k in test_known}}
                         for t in data.get("tests") or []]
    # 0 → 1: hidden_stdout added (default ""); 1 → 2: covers added (default []); 2 → 3: category (default "").
    # overall_score was added without a bump: older reports read it as None (not recorded), shown as unknown.
    upgraded["schema_version"] = SCHEMA_VERSION
    return upgraded
