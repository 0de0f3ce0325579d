from django import template

from mljudge.assessments.selectors import hiding_assignments, mock_sessions_of, results_hidden_until

register = template.Library()


@register.simple_tag(takes_context=True)
def result_hidden(context, submission):
    """assessments.selectors.results_hidden_until for a row of a list (its author's and public pages). The
    authors' hiding assignments are read once per request, so a list costs the same however long it is."""
    request = context.get("request")
    memo = getattr(request, "_assessments_hiding", None)
    if memo is None:
        memo = {}
        if request is not None:
            request._assessments_hiding = memo
    if submission.user_id not in memo:
        memo[submission.user_id] = hiding_assignments(user_id=submission.user_id)
    return results_hidden_until(submission=submission, hiding=memo[submission.user_id])


@register.simple_tag(takes_context=True)
def mock_sessions_of_person(context, person):
    """The person's mock interviews, for their own profile only (None for anyone else's: they are practice)."""
    request = context.get("request")
    if request is None or request.user.pk != person.pk:
        return None
    return list(mock_sessions_of(user=person)[:20])
