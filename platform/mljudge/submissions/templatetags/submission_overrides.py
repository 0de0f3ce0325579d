from django import template

from mljudge.submissions.selectors import OverrideNote
from mljudge.submissions.selectors import override_note as _override_note

register = template.Library()


@register.filter
def override_note(submission) -> OverrideNote | None:
    """{% with note=submission|override_note %}: the score override that counts for it, if any."""
    return _override_note(submission=submission)
