from django.http import HttpRequest
from ninja import Router

from mljudge.api.auth import scoped
from mljudge.api.schemas import WhoAmI
from mljudge.cohorts.selectors import is_reviewer

router = Router(tags=["you"])


@router.get("/whoami", response=WhoAmI, auth=scoped(None), summary="Who this token (or session) is")
def whoami(request: HttpRequest):
    user = request.user
    token = getattr(request, "api_token", None)
    profile = getattr(user, "profile", None)
    return {
        "username": user.get_username(),
        "display_name": (profile.display_name if profile else "") or user.get_username(),
        "roles": sorted(group.name for group in user.groups.all()) + (["staff"] if user.is_staff else []),
        "is_reviewer": is_reviewer(user=user),
        "token": None if token is None else {"name": token.name, "prefix": token.prefix, "scopes": token.scopes,
                                              "expires_at": token.expires_at},
    }
