from django import template

from mljudge.grading.api import CoarseSeconds
from mljudge.grading.api import solver_time as _solver_time

register = template.Library()

VERDICT_CLASS = {"accepted": "ok", "skipped": "muted", "system_error": "warn"}


@register.filter
def verdict_class(verdict: str) -> str:
    return VERDICT_CLASS.get(verdict or "", "bad")


@register.filter
def verdict_label(verdict: str) -> str:
    return (verdict or "").replace("_", " ").title()


@register.filter
def seconds(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, CoarseSeconds):  # printed no finer than it was rounded
        return f"{value:.{value.digits}f} s"
    if value < 0.01:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


@register.filter
def solver_time(value):
    """A time that includes hidden tests, as a solver may see it (grading.api.solver_time)."""
    return _solver_time(value)
