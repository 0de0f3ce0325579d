"""The grade report: a versioned JSON document. Bump SCHEMA_VERSION on any incompatible change."""
from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field

SCHEMA_VERSION = 1


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


@dataclass
class TestResult:
    name: str
    visibility: Visibility
    verdict: Verdict
    passed: bool
    time_s: float | None
    message: str = ""        # public tests only
    input: str = ""          # public tests only: a short rendering of what was passed
    expected: str = ""       # public tests only
    got: str = ""            # public tests only
    score: float | None = None  # scored problems


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
    passed: int = 0
    total: int = 0
    time_s: float = 0.0                   # sum of per-test times
    wall_time_s: float = 0.0
    peak_memory_kb: int | None = None
    sandbox: str = ""
    public_only: bool = False
    schema_version: int = SCHEMA_VERSION

    def redacted(self) -> "Report":
        """What a solver may see: hidden tests keep only their name, verdict and time."""
        copy = Report.from_dict(self.to_dict())
        copy.hidden_stdout = ""
        for test in copy.tests:
            if test.visibility is Visibility.HIDDEN:
                test.message = test.input = test.expected = test.got = ""
        return copy

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Report":
        if data.get("schema_version") != SCHEMA_VERSION:
            raise ValueError(f"report schema {data.get('schema_version')} is not {SCHEMA_VERSION}")
        data = {"hidden_stdout": "", **data}
        data["verdict"] = Verdict(data["verdict"])
        data["tests"] = [TestResult(**{**t, "verdict": Verdict(t["verdict"]),
                                       "visibility": Visibility(t["visibility"])}) for t in data["tests"]]
        return cls(**data)
