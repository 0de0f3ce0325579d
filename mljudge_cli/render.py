"""What the CLI prints, from the API's JSON. Everything the server sends is shown as plain text (never as rich
markup) with terminal control characters made visible: a title, a test name or what a submission printed cannot
restyle, hide or rewrite the terminal."""
from __future__ import annotations

import json
import re

from rich.console import Group
from rich.table import Table
from rich.text import Text

# C0 controls but tab and newline, DEL, and the C1 range (ESC sequences, OSC 8 links, cursor movement, CR overwrites).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
DETAIL_CHARS = 2000   # of a public test's input/expected/got, a message, printed output
ACCEPTED = "accepted"
SYSTEM_ERROR = "system_error"
SKIPPED = "skipped"
AWAITING_REVIEW = "awaiting_review"


def clean(value: object, *, limit: int | None = None) -> str:
    text = "" if value is None else str(value)
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    if limit is not None and len(text) > limit:
        text = text[:limit] + f"… ({len(text) - limit:,} more characters)"
    return text


def plain(value: object, style: str = "", *, limit: int | None = None) -> Text:
    return Text(clean(value, limit=limit), style=style)


def words(value: str | None) -> str:
    """A verdict or status value as words: "wrong_answer" → "Wrong answer"."""
    return clean(value or "").replace("_", " ").capitalize()


def verdict_style(verdict: str | None) -> str:
    if verdict == ACCEPTED:
        return "green"
    if verdict == SKIPPED or not verdict:
        return "dim"
    if verdict == SYSTEM_ERROR:
        return "magenta"
    return "red"


def seconds(value, *, coarse: bool = False) -> str:
    if not isinstance(value, (int, float)):
        return "—"
    return f"{value:.1f} s" if coarse else f"{value:.3f} s"


def score_text(value) -> str:
    return f"{value:.4g}" if isinstance(value, (int, float)) else "—"


# --- a submission ----------------------------------------------------------------------------------

def tests_of(submission: dict) -> list[dict]:
    """The final report's tests once there is one, else the live progress rows."""
    report = submission.get("report")
    if isinstance(report, dict) and isinstance(report.get("tests"), list):
        return [t for t in report["tests"] if isinstance(t, dict)]
    progress = submission.get("progress")
    rows = progress.get("tests") if isinstance(progress, dict) else None
    return [t for t in rows if isinstance(t, dict)] if isinstance(rows, list) else []


def tests_table(submission: dict) -> Table:
    """The live per-test table. A hidden test is its ordinal, verdict, coarse time and category: all the solver
    view holds of it, and all this shows."""
    tests = tests_of(submission)
    progress = submission.get("progress") if isinstance(submission.get("progress"), dict) else {}
    total = progress.get("total") if not submission.get("report") else len(tests)
    table = Table(title=plain(f"Submission {submission.get('id')} · {submission.get('problem', '')}"),
                  caption=_caption(submission, done=len(tests), total=total), caption_justify="left")
    table.add_column("#", justify="right")
    table.add_column("test")
    table.add_column("verdict")
    table.add_column("time", justify="right")
    table.add_column("category")
    for row, test in enumerate(tests, start=1):
        verdict = test.get("verdict")
        hidden = test.get("visibility") != "public"
        name = f"hidden {test.get('ordinal', '?')}" if hidden else f"public {clean(test.get('name'))}"
        table.add_row(str(row), plain(name), plain(words(verdict), verdict_style(verdict)),
                      seconds(test.get("time_s"), coarse=hidden),
                      plain(test.get("category") or "", limit=200) if hidden else "")
    return table


def _caption(submission: dict, *, done: int, total) -> Text:
    status = submission.get("status")
    parts = [words(status)]
    position = submission.get("queue_position")
    if isinstance(position, int):
        parts.append(f"position {position} in the queue")
    if isinstance(total, int) and total:
        parts.append(f"{done} of {total} tests")
    return plain(" · ".join(parts), "dim")


def verdict_line(submission: dict, problem: dict | None = None) -> Text:
    """"Accepted: 12/12 tests, 0.4 s" (and score/threshold for a scored problem)."""
    status = submission.get("status")
    verdict = submission.get("verdict")
    if status == AWAITING_REVIEW:
        return plain("Awaiting review: an instructor grades this answer.", "yellow")
    if status == SYSTEM_ERROR or verdict == SYSTEM_ERROR:
        return plain("System error: the site could not grade this (not your code's fault); try again later.",
                     "bold magenta")
    if not verdict:
        return plain(f"{words(status)}: no verdict yet.", "dim")
    mark = "✓" if verdict == ACCEPTED else "✗"
    parts = [f"{mark} {words(verdict)}"]
    passed, total = submission.get("passed"), submission.get("total")
    if isinstance(passed, int) and isinstance(total, int):
        parts.append(f"{passed}/{total} tests")
    if isinstance(submission.get("time_s"), (int, float)):
        parts.append(seconds(submission["time_s"], coarse=submission.get("mode") != "run"))
    problem = problem or {}
    if problem.get("kind") == "scored":
        threshold = problem.get("score_threshold")
        metric = clean(problem.get("metric") or "score")
        parts.append(f"{metric} {score_text(submission.get('score'))}"
                     + (f" (threshold {score_text(threshold)})" if threshold is not None else ""))
    override = submission.get("override")
    if isinstance(override, dict):
        parts.append(f"score set to {score_text(override.get('effective_score'))} by {clean(override.get('by'))}: "
                     f"{clean(override.get('reason'), limit=300)}")
    return plain(" · ".join(parts), f"bold {verdict_style(verdict)}")


def details(submission: dict) -> Group | None:
    """Under the verdict: the report's message (a compile error), the first failing public test's input,
    expected and actual output, and what the code printed. Public data only: the solver view has no other."""
    report = submission.get("report")
    if not isinstance(report, dict):
        return None
    parts = []
    if report.get("message"):
        parts.append(plain(report["message"], limit=DETAIL_CHARS))
    failing = next((t for t in tests_of(submission) if t.get("visibility") == "public"
                    and t.get("verdict") not in (ACCEPTED, SKIPPED)), None)
    if failing:
        parts.append(plain(f"public {clean(failing.get('name'))}: {words(failing.get('verdict'))}", "bold"))
        for key in ("message", "input", "expected", "got"):
            if failing.get(key):
                parts.append(Text.assemble((f"  {key}: ", "dim"), plain(failing[key], limit=DETAIL_CHARS)))
    if report.get("stdout"):
        parts.append(Text.assemble(("printed:\n", "dim"), plain(report["stdout"], limit=DETAIL_CHARS)))
    return Group(*parts) if parts else None


# --- lists -----------------------------------------------------------------------------------------

def problems_table(problems: list[dict]) -> Table:
    table = Table(title=f"{len(problems)} problem{'' if len(problems) == 1 else 's'}")
    for name in ("slug", "title", "difficulty", "kind", "solved"):
        table.add_column(name)
    for p in problems:
        table.add_row(plain(p.get("slug")), plain(p.get("title")), plain(p.get("difficulty")), plain(p.get("kind")),
                      Text("✓", "green") if p.get("solved") else "")
    return table


def history_table(submissions: list[dict]) -> Table:
    table = Table(title=f"{len(submissions)} submissions, newest first")
    for name, justify in (("id", "right"), ("problem", "left"), ("mode", "left"), ("verdict", "left"),
                          ("score", "right"), ("tests", "right"), ("time", "right"), ("when", "left")):
        table.add_column(name, justify=justify)
    for s in submissions:
        verdict = s.get("verdict")
        shown = words(verdict) if verdict else words(s.get("status"))
        tests = f"{s['passed']}/{s['total']}" if isinstance(s.get("passed"), int) and s.get("total") else ""
        table.add_row(str(s.get("id")), plain(s.get("problem")), plain(s.get("mode")),
                      plain(shown, verdict_style(verdict)), score_text(s.get("score")), tests,
                      seconds(s.get("time_s"), coarse=s.get("mode") != "run"),
                      plain(str(s.get("created_at", ""))[:19].replace("T", " ")))
    return table


LEADERBOARD_LISTS = ("items", "rows", "entries", "results")
PERSON_KEYS = ("display_name", "username", "name", "slug")


def leaderboard_table(board: dict | list, *, title: str) -> Table:
    """A leaderboard page, whatever its columns: the scalar fields of its rows, a person shown by name."""
    rows = board if isinstance(board, list) else next(
        (board[k] for k in LEADERBOARD_LISTS if isinstance(board.get(k), list)), [])
    rows = [r for r in rows if isinstance(r, dict)]
    table = Table(title=plain(title))
    columns = [k for k in (rows[0] if rows else {}) if not isinstance(rows[0][k], list)]
    for name in columns:
        table.add_column(clean(name))
    for row in rows:
        table.add_row(*(plain(_cell(row.get(k))) for k in columns))
    return table


def _cell(value) -> str:
    if isinstance(value, dict):
        return next((str(value[k]) for k in PERSON_KEYS if value.get(k)), "")
    if isinstance(value, float):
        return f"{value:.4g}"
    return "" if value is None else str(value)


# --- a problem as files ----------------------------------------------------------------------------

def _json(value) -> str:
    """Short values on one line (most examples), long ones indented."""
    short = json.dumps(value, ensure_ascii=False)
    return short if len(short) <= 100 else json.dumps(value, indent=2, ensure_ascii=False)


def statement_markdown(problem: dict) -> str:
    """SLUG.md: the statement, then the public examples (as JSON) and the limits."""
    out = [f"# {problem.get('title') or problem.get('slug')}\n", (problem.get("statement_md") or "").rstrip(), ""]
    examples = [e for e in problem.get("examples") or [] if isinstance(e, dict)]
    if examples:
        out.append("## Examples\n")
        for example in examples:
            out.append(f"### {example.get('name') or 'example'}\n")
            for key in ("input", "expected"):
                out += [f"{key.capitalize()}:\n", "```json", _json(example.get(key)), "```", ""]
    limits = problem.get("limits") if isinstance(problem.get("limits"), dict) else {}
    out.append("## Limits\n")
    if limits.get("time_s") is not None:
        out.append(f"- time: {limits['time_s']} s of CPU per test")
    if limits.get("memory_mb") is not None:
        out.append(f"- memory: {limits['memory_mb']} MB")
    if problem.get("entry_point"):
        out.append(f"- entry point: `{problem['entry_point']}`")
    if problem.get("score_threshold") is not None:
        out.append(f"- score threshold: {problem['score_threshold']} ({problem.get('metric') or 'score'})")
    return "\n".join(out) + "\n"
