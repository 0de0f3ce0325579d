"""Study plans: `plans/<slug>.toml` beside `problems/`, one ordered track of problems per file (the format is in
docs/authoring.md). Read here, without Django, so that `grader catalogue --by-plan` and the site's sync agree."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .problem import SLUG_RE

MAX_STEPS = 60
MAX_TEXT = 300  # title, summary and a step's `why`: one line each


@dataclass(frozen=True)
class PlanStep:
    problem: str  # a problem slug
    why: str


@dataclass(frozen=True)
class Plan:
    slug: str
    title: str
    position: int
    summary: str
    steps: tuple[PlanStep, ...]


def plans_folder(problems_root: Path) -> Path:
    """Where the plans of a bank live: `plans/` next to its `problems/` folder."""
    return problems_root.parent / "plans"


def load_plans(folder: Path) -> tuple[list[Plan], list[str]]:
    """Every plan of the folder, ordered by position then slug, and 'file: what is wrong' lines for the files
    that could not be read (those are left out). A missing folder has no plans."""
    plans, errors = [], []
    if not folder.is_dir():
        return plans, errors
    for path in sorted(folder.glob("*.toml")):
        try:
            plan = _plan(path)
        except ValueError as exc:
            errors.append(f"{path.name}: {exc}")
            continue
        plans.append(plan)
    seen: dict[str, str] = {}
    for plan in plans:
        for step in plan.steps:
            if step.problem in seen and seen[step.problem] != plan.slug:
                errors.append(f"{plan.slug}.toml: {step.problem} is also in plan {seen[step.problem]}")
            seen.setdefault(step.problem, plan.slug)
    return sorted(plans, key=lambda p: (p.position, p.slug)), errors


def _text(data: dict, key: str, where: str = "") -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT or "\n" in value.strip():
        raise ValueError(f"{where}{key}: required, one line of at most {MAX_TEXT} characters")
    return value.strip()


def _plan(path: Path) -> Plan:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"not valid TOML ({exc})") from None
    slug = _text(data, "slug")
    if not SLUG_RE.match(slug) or slug != path.stem:
        raise ValueError(f"slug: {slug!r} must be lowercase-with-dashes and equal the file name {path.stem!r}")
    position = data.get("position", 0)
    if isinstance(position, bool) or not isinstance(position, int):
        raise ValueError("position: must be a whole number")
    raw = data.get("steps")
    if not isinstance(raw, list) or not raw or len(raw) > MAX_STEPS:
        raise ValueError(f"steps: 1 to {MAX_STEPS} [[steps]] tables are required")
    steps, seen = [], set()
    for i, step in enumerate(raw, 1):
        if not isinstance(step, dict):
            raise ValueError(f"step {i}: must be a table")
        problem = _text(step, "problem", f"step {i}: ")
        if problem in seen:
            raise ValueError(f"step {i}: problem {problem!r} is listed twice")
        seen.add(problem)
        steps.append(PlanStep(problem=problem, why=_text(step, "why", f"step {i}: ")))
    unknown = set(data) - {"slug", "title", "position", "summary", "steps"}
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    return Plan(slug=slug, title=_text(data, "title"), position=position, summary=_text(data, "summary"),
                steps=tuple(steps))
