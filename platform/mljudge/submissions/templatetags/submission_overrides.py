from django import template

from mljudge.submissions.selectors import OverrideNote
from mljudge.submissions.selectors import override_note as _override_note
from mljudge.submissions.selectors import threshold_missed as _threshold_missed

register = template.Library()


@register.filter
def override_note(submission) -> OverrideNote | None:
    """{% with note=submission|override_note %}: the score override that counts for it, if any."""
    return _override_note(submission=submission)


@register.filter
def threshold_missed(submission) -> float | None:
    """{% with bar=submission|threshold_missed %}: the threshold its score fell short of, if only that failed it."""
    return _threshold_missed(submission=submission)


@register.filter
def percentage(fraction) -> str:
    """A design answer's score (rubric points / max points) as a whole percentage; "—" when there is none."""
    return "—" if fraction is None else f"{round(fraction * 100)}%"


@register.filter
def score_text(value) -> str:
    """A score or threshold as people write it: 4 significant digits, no trailing zeros (0.171, 0.25)."""
    return "—" if value is None else f"{value:.4g}"
