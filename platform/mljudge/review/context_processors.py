from mljudge.authoring.selectors import is_author
from mljudge.cohorts.selectors import is_reviewer

from .selectors import unread_feedback_ids


def feedback(request) -> dict:
    """The viewer's submissions with unread feedback (nav marker, submissions list), and which of the review
    and authoring pages the nav offers them."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    ids = unread_feedback_ids(user=user)
    return {"unread_feedback_ids": ids, "unread_feedback_count": len(ids),
            "nav_review": is_reviewer(user=user), "nav_authoring": is_author(user=user)}
