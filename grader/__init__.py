"""mljudge's grading engine: a library and a CLI. Never imports Django.

    problem = load_problem("problems/softmax")
    report = grade(problem, source, sandbox=make_sandbox("docker"))
"""
from .engine import MAX_SOURCE_BYTES, SourceError, SourceProblem, check_source, grade, public_examples
from .problem import Kind, Problem, ProblemError, Runtime, load_problem
from .report import (
    SCHEMA_VERSION,
    CoarseSeconds,
    HiddenTest,
    Report,
    SolverReport,
    SolverTest,
    TestResult,
    Verdict,
    Visibility,
    solver_stream,
    solver_test_dict,
    solver_test_from_dict,
    solver_time,
)
from .sandbox import Limits, SandboxError, SandboxPool, SandboxSet, default_limits, make_sandbox
from .sandbox.identity import process_identity, provably_dead

__all__ = ["MAX_SOURCE_BYTES", "SCHEMA_VERSION", "CoarseSeconds", "HiddenTest", "Kind", "Limits", "Problem",
           "ProblemError", "Report", "Runtime", "SandboxError", "SandboxPool", "SandboxSet", "SolverReport",
           "SolverTest", "SourceError", "SourceProblem", "TestResult", "Verdict", "Visibility", "check_source",
           "default_limits", "grade", "load_problem", "make_sandbox", "process_identity", "provably_dead",
           "public_examples", "solver_stream", "solver_test_dict", "solver_test_from_dict", "solver_time"]
