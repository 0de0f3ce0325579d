"""The texts a problem folder has for people besides its statement: hints.md (revealed one at a time),
learn.md and editorial.md. Loading never fails on them (a folder written before they existed still grades);
`grader check` holds them to the rules (validate.py: `learning_errors`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HINTS_FILE, LEARN_FILE, EDITORIAL_FILE = "hints.md", "learn.md", "editorial.md"
_HEADING = re.compile(r"^## +(?P<title>\S.*?)\s*$")


@dataclass(frozen=True)
class Hint:
    title: str
    body: str  # Markdown with math


@dataclass(frozen=True)
class LearningTexts:
    hints: tuple[Hint, ...] = ()
    learn: str = ""
    editorial: str = ""
    # What is wrong with hints.md's shape (text before the first heading, an empty hint); validate.py reports it.
    hint_errors: tuple[str, ...] = ()


def parse_hints(text: str) -> tuple[list[Hint], list[str]]:
    """hints.md split on its level-2 headings: one Hint per `## title` line and the lines below it."""
    hints: list[Hint] = []
    errors: list[str] = []
    title, body = None, []
    for number, line in enumerate(text.splitlines(), 1):
        match = _HEADING.match(line)
        if match:
            if title is not None:
                hints.append(Hint(title=title, body="\n".join(body).strip()))
            title, body = match["title"], []
        elif title is None:
            if line.strip():
                errors.append(f"line {number}: text before the first `## ` heading")
        else:
            body.append(line)
    if title is not None:
        hints.append(Hint(title=title, body="\n".join(body).strip()))
    errors.extend(f"hint {i} ({h.title!r}): empty body" for i, h in enumerate(hints, 1) if not h.body)
    return hints, errors


def headings(text: str) -> list[str]:
    """The level-2 headings of a Markdown text, in order (outside fenced code blocks)."""
    found, fenced = [], False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and (match := _HEADING.match(line)):
            found.append(match["title"])
    return found


def load_learning(folder: Path) -> LearningTexts:
    def read(name: str) -> str:
        try:
            return (folder / name).read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            return ""  # validate.py names the file; loading stays lenient

    hints, errors = parse_hints(read(HINTS_FILE))
    return LearningTexts(hints=tuple(hints), learn=read(LEARN_FILE), editorial=read(EDITORIAL_FILE),
                         hint_errors=tuple(errors))
