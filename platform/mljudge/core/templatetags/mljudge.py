from django import template
from django.utils.html import format_html

from mljudge.grading.api import CoarseSeconds
from mljudge.grading.api import solver_time as _solver_time
from mljudge.submissions.models import Verdict

register = template.Library()

VERDICT_CLASS = {Verdict.ACCEPTED: "ok", Verdict.SKIPPED: "muted", Verdict.SYSTEM_ERROR: "warn"}


@register.filter
def verdict_class(verdict: str) -> str:
    return VERDICT_CLASS.get(verdict or "", "bad")


@register.filter
def verdict_label(verdict: str) -> str:
    """The verdict's label (Verdict's); a value no Verdict has is shown as it is."""
    return Verdict(verdict).label if verdict in Verdict.values else (verdict or "")


@register.filter
def seconds(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, CoarseSeconds):  # printed no finer than it was rounded
        return f"{value:.{value.digits}f} s"
    if value < 0.01:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


@register.simple_tag
def user_label(user) -> str:
    """How every page names a person: the display name (chosen freely, so not unique) beside the unique
    @username, so nobody can pass for somebody else by copying their display name. Escaped here."""
    from mljudge.accounts.selectors import display_name_for

    if user is None:
        return ""
    username = user.get_username()
    name = display_name_for(user=user)
    if name == username:
        return format_html('<span class="user-label"><span class="handle">@{}</span></span>', username)
    return format_html('<span class="user-label">{} <span class="handle">(@{})</span></span>', name, username)


@register.filter
def solver_time(value):
    """A time that includes hidden tests, as a solver may see it (grader.solver_time)."""
    return _solver_time(value)
