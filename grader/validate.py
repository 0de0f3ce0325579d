"""`grader check`: a problem folder is valid when its schema is, the reference is accepted in the real
sandbox, the starter is not, and every wrong solution is rejected."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .engine import grade
from .expected import expected_outputs
from .inputs import coverage_gaps
from .learning import EDITORIAL_FILE, HINTS_FILE, LEARN_FILE, headings
from .problem import Kind, Problem, ProblemError, load_problem
from .report import Verdict, Visibility
from .sandbox.runtimes import default_limits

# A problem's time limit is at least this many times the reference's CPU time on its slowest case, so that
# a correct solution a few times slower than the reference, on any host, is never a TLE.
MIN_HEADROOM = 5.0
# A wrong solution's tests that complete must use at most this share of the limit: one just under it turns
# into a TLE on a busy host (CPU time itself grows by up to a third under contention: shared caches), and
# its verdict would depend on the load. Clearly fast or clearly too slow, never in between.
MAX_WRONG_SHARE = 0.5
# The texts for people (docs/authoring.md, "Hints, learn text, editorial"): every kind, design included.
MIN_HINTS, MAX_HINTS = 2, 4
LEARN_HEADINGS = ("The idea", "The math", "Pitfalls")
LEARN_WORDS = (150, 450)
EDITORIAL_HEADINGS = ("Approach", "Complexity", "Why the usual mistakes fail")
# The bank's standard for what a solver is tested against. Scored problems judge a metric over few large
# hidden sets, so they need fewer hidden cases; each hidden case names its kind (category, or covered edges).
MIN_HIDDEN_CASES = {Kind.FUNCTION: 8, Kind.MODULE: 8, Kind.AUTOGRAD: 8, Kind.SCORED: 3}
MIN_WRONG_SOLUTIONS = 5
MIN_HIDDEN_CATEGORIES = 3


@dataclass
class Row:
    item: str
    want: str
    got: str
    ok: bool
    detail: str = ""


@dataclass
class ProblemCheck:
    folder: Path
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and all(r.ok for r in self.rows)


def problem_folders(path: Path) -> list[Path]:
    """A single problem folder, or every subfolder of a bank that looks like one."""
    if (path / "problem.toml").exists():
        return [path]
    return sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def check_problem(folder: Path, sandbox) -> ProblemCheck:
    result = ProblemCheck(folder=folder)
    try:
        problem = load_problem(folder)
        result.errors.extend(f"{folder.name}/{e}" for e in learning_errors(problem))
        if problem.kind is Kind.DESIGN:
            result.rows.append(Row("rubric", "valid", f"{len(problem.rubric)} criteria, "
                                   f"{sum(c.points for c in problem.rubric):g} points", True))
            return result
        cases = problem.cases()
        result.errors.extend(f"{folder.name}/{e}" for e in standard_errors(problem))
        expected_outputs(problem)
    except ProblemError as exc:
        result.errors = [f"{folder.name}/{e}" for e in exc.errors]
        return result
    except Exception as exc:  # an author's reference or generator crashed
        result.errors = [f"{folder.name}: {type(exc).__name__}: {exc}"]
        return result
    n_public = sum(c.public for c in cases)
    result.rows.append(Row("cases", "≥1 public, ≥1 hidden", f"{n_public} public, {len(cases) - n_public} hidden",
                           True))
    hidden = [c for c in cases if not c.public]
    gaps = coverage_gaps(problem.inputs, hidden)
    n_dtypes = sum(len(a.dtypes) for a in problem.inputs.args)
    result.rows.append(Row("input space", "covered", f"{len(gaps)} gaps" if gaps else "covered", not gaps,
                           f"{len(problem.inputs.args)} arguments, {n_dtypes} dtypes, "
                           f"{len(problem.inputs.edges)} edge rules"))
    result.errors.extend(f"{folder.name}/problem.toml: {gap}" for gap in gaps)
    reference = (folder / "reference.py").read_text(encoding="utf-8")
    report = grade(problem, reference, sandbox=sandbox, reveal_hidden=True)
    slowest = max(report.tests, key=lambda t: t.time_s or 0.0, default=None)
    slowest_s = (slowest.time_s or 0.0) if slowest else 0.0
    limit = problem.limits.time_per_case_s
    headroom = limit / max(slowest_s, 1e-3)
    detail = (f"slowest case {slowest.name if slowest else '-'}: {slowest_s * 1000:.0f} ms CPU of "
              f"{limit * 1000:.0f} ms")
    if problem.kind is Kind.SCORED:
        detail += f"; {_scores(report, problem)}"
    result.rows.append(Row("reference.py", Verdict.ACCEPTED, report.verdict, report.verdict is Verdict.ACCEPTED,
                           detail if report.verdict is Verdict.ACCEPTED else _why(report)))
    result.rows.append(Row("time limit", f"≥{MIN_HEADROOM:g}x ref", f"{headroom:.0f}x",
                           headroom >= MIN_HEADROOM,
                           "" if headroom >= MIN_HEADROOM else
                           f"raise limits.time_per_case_s to at least {MIN_HEADROOM * slowest_s:.2f} s "
                           f"or make the slowest case smaller"))
    # A problem whose container-level limits differ from its runtime's pool never gets a warm sandbox: every
    # submission would pay a cold start (seconds for torch). The runtime's defaults are the one place to raise.
    cold = problem.limits.container_differences(default_limits(problem.runtime))
    result.rows.append(Row("sandbox limits", "the runtime pool's", "differ" if cold else "same", not cold,
                           f"every submission would start a cold sandbox: {', '.join(cold)}; keep the "
                           f"{problem.runtime} runtime's defaults (grader/sandbox/runtimes.py)" if cold else ""))
    report = grade(problem, problem.starter, sandbox=sandbox, reveal_hidden=True)
    result.rows.append(Row("starter.py", "not accepted", report.verdict, report.verdict is not Verdict.ACCEPTED))
    for name, source in problem.wrong.items():
        report = grade(problem, source, sandbox=sandbox, reveal_hidden=True)  # for authors: names hidden ones
        failed = [t.name for t in report.tests if not t.passed and t.verdict is not Verdict.SKIPPED]
        skipped = sum(t.verdict is Verdict.SKIPPED for t in report.tests)
        failed_text = f"fails {len(failed)}/{len(report.tests)}" + (f", {skipped} skipped" if skipped else "")
        borderline = _borderline(report, problem.limits.time_per_case_s)
        if problem.kind is Kind.SCORED:
            ok = report.verdict is not Verdict.ACCEPTED
            detail = _scores(report, problem)
        else:
            # Public cases are worked examples a user can see; a mistake must also be caught where they can't.
            hidden_failed = [t.name for t in report.tests if not t.passed and t.visibility is Visibility.HIDDEN
                             and t.verdict is not Verdict.SKIPPED]
            ok = report.verdict is not Verdict.ACCEPTED and bool(hidden_failed)
            first = next((t for t in report.tests if t.name in hidden_failed), None)
            detail = f"first rejected by {first.name} ({first.verdict}); {failed_text}" if first else failed_text
            if report.verdict is not Verdict.ACCEPTED and not hidden_failed:
                detail = "caught by public cases only: add a hidden case that catches it"
        if borderline and ok:
            ok, detail = False, borderline
        result.rows.append(Row(f"wrong/{name}", "rejected", report.verdict, ok, detail))
    return result


def learning_errors(problem: Problem) -> list[str]:
    """What is wrong with the folder's hints.md, learn.md and editorial.md ('file: what' lines)."""
    errors = []
    texts = {}
    for name in (HINTS_FILE, LEARN_FILE, EDITORIAL_FILE):
        path = problem.folder / name
        try:
            texts[name] = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            errors.append(f"{name}: missing")
        except UnicodeDecodeError:
            errors.append(f"{name}: not UTF-8")
    if HINTS_FILE in texts:
        hints = problem.learning.hints
        errors.extend(f"{HINTS_FILE}: {e}" for e in problem.learning.hint_errors)
        if not MIN_HINTS <= len(hints) <= MAX_HINTS:
            errors.append(f"{HINTS_FILE}: {len(hints)} hints; write {MIN_HINTS} to {MAX_HINTS}, each under its "
                          f"own `## title` line")
    for name, wanted in ((LEARN_FILE, LEARN_HEADINGS), (EDITORIAL_FILE, EDITORIAL_HEADINGS)):
        if name in texts and headings(texts[name]) != list(wanted):
            errors.append(f"{name}: its `## ` headings must be exactly, in order: {', '.join(wanted)} "
                          f"(found: {', '.join(headings(texts[name])) or 'none'})")
    if LEARN_FILE in texts:
        words = len(texts[LEARN_FILE].split())
        if not LEARN_WORDS[0] <= words <= LEARN_WORDS[1]:
            errors.append(f"{LEARN_FILE}: {words} words; write {LEARN_WORDS[0]} to {LEARN_WORDS[1]}")
    return errors


def standard_errors(problem: Problem) -> list[str]:
    """Where a runnable problem falls short of the bank's standard: enough hidden cases, each with a
    category, enough distinct categories, enough wrong solutions."""
    errors = []
    hidden = [c for c in problem.cases() if not c.public]
    wanted = MIN_HIDDEN_CASES[problem.kind]
    if len(hidden) < wanted:
        errors.append(f"cases.py: {len(hidden)} hidden cases; {problem.kind} problems need at least {wanted}")
    unnamed = [c.name for c in hidden if not c.failure_category]
    if unnamed:
        errors.append(f"cases.py: hidden cases without a category (add \"category\": \"<kind of case>\"): "
                      f"{', '.join(unnamed)}")
    categories = {c.failure_category for c in hidden} - {""}
    if len(categories) < MIN_HIDDEN_CATEGORIES:
        errors.append(f"cases.py: {len(categories)} distinct hidden categories; at least {MIN_HIDDEN_CATEGORIES}")
    if len(problem.wrong) < MIN_WRONG_SOLUTIONS:
        errors.append(f"wrong/: {len(problem.wrong)} wrong solutions; at least {MIN_WRONG_SOLUTIONS}")
    return errors


def _borderline(report, limit: float) -> str:
    """Why a wrong solution's verdict would depend on the host's load, or ''."""
    ended = (Verdict.TIME_LIMIT_EXCEEDED, Verdict.MEMORY_LIMIT_EXCEEDED, Verdict.SKIPPED)
    done = [t for t in report.tests if t.time_s and t.verdict not in ended]
    slowest = max(done, key=lambda t: t.time_s, default=None)
    if slowest is None or slowest.time_s <= MAX_WRONG_SHARE * limit:
        return ""
    return (f"borderline: {slowest.name} took {slowest.time_s / limit:.0%} of the time limit (at most "
            f"{MAX_WRONG_SHARE:.0%}): on a busy host this becomes a TLE; make it clearly fast or clearly too slow")


def _scores(report, problem) -> str:
    private = f", private {report.private_score:.4f}" if report.private_score is not None else ""
    return f"public score {report.score:.4f}{private}, threshold {problem.scoring['threshold']}"


def _why(report) -> str:
    bad = [f"{t.name}: {t.verdict}" + (f" ({t.message.strip().splitlines()[-1]})" if t.message.strip() else "")
           for t in report.tests if not t.passed]
    return report.message.strip()[-300:] or "; ".join(bad[:3])


def format_check(check: ProblemCheck) -> str:
    lines = [f"{check.folder.name}: {'ok' if check.ok else 'FAILED'}"]
    lines.extend(f"  error  {error}" for error in check.errors)
    width = max((len(r.item) for r in check.rows), default=0)
    for row in check.rows:
        mark = "ok  " if row.ok else "FAIL"
        lines.append(f"  {mark}  {row.item:<{width}}  want {row.want:<14} got {row.got:<22} {row.detail}")
    return "\n".join(lines)


def format_summary(checks: list[ProblemCheck]) -> str:
    failed = [c.folder.name for c in checks if not c.ok]
    return (f"{len(checks) - len(failed)} of {len(checks)} problems ok"
            + (f"; failed: {', '.join(failed)}" if failed else ""))
