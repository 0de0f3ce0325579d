"""Model choices generated from the grader's enums. The grader defines the members (one definition: a new
verdict there is a new choice here, and `makemigrations` says so); the platform adds only the labels its pages
show."""
from __future__ import annotations

import enum
from collections.abc import Mapping

from django.db import models


def default_label(value: str) -> str:
    """'time_limit_exceeded' -> 'Time Limit Exceeded'."""
    return value.replace("_", " ").title()


def text_choices(source: type[enum.StrEnum], *, module: str,
                 labels: Mapping[enum.StrEnum, str] | None = None) -> type[models.TextChoices]:
    """A TextChoices with the members of `source`, same names and values, in the same order. `module`: the
    defining module's __name__ (for pickling and migrations)."""
    labels = labels or {}
    members = [(member.name, (member.value, labels.get(member) or default_label(member.value))) for member in source]
    return models.TextChoices(source.__name__, members, module=module, qualname=source.__name__)
