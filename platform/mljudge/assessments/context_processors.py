from . import policy, selectors


def mock_session(request) -> dict:
    """The running mock interview, for the timer every page shows while it runs."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"running_mock": selectors.mock_session_running(user=user, now=policy.now())}
