"""mljudge's grading engine: a library and a CLI. Never imports Django.

    problem = load_problem("problems/softmax")
    report = grade(problem, source, sandbox=make_sandbox("docker"))
"""
from .engine import MAX_SOURCE_BYTES, SourceError, SourceProblem, check_source, grade
from .problem import Kind, Problem, ProblemError, load_problem
from .report import SCHEMA_VERSION, Report, TestResult, Verdict, Visibility
from .sandbox import Limits, SandboxError, SandboxPool, make_sandbox
from .sandbox.identity import process_identity, provably_dead

__all__ = ["MAX_SOURCE_BYTES", "SCHEMA_VERSION", "Kind", "Limits", "Problem", "ProblemError", "Report",
           "SandboxError", "SandboxPool", "SourceError", "SourceProblem", "TestResult", "Verdict", "Visibility",
           "check_source", "grade", "load_problem", "make_sandbox", "process_identity", "provably_dead"]
