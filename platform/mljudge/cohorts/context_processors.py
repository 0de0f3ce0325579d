from .selectors import pending_invitation_count


def invitations(request) -> dict:
    """The number of cohort invitations the user has not answered, for the top bar."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"pending_invitations": pending_invitation_count(user=user)}
