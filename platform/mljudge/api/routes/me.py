from django.http import HttpRequest
from ninja import Router

from mljudge.accounts.selectors import display_name_for
from mljudge.api.auth import scoped
from mljudge.api.schemas import WhoAmI
from mljudge.cohorts.selectors import is_reviewer

router = Router(tags=["you"])


@router.get("/whoami", response=WhoAmI, auth=scoped(None), summary="Who this token (or session) is")
def whoami(request: HttpRequest):
    user = request.user
    token = getattr(request, "api_token", None)
    return {
        "username": user.get_username(),
        "display_name": display_name_for(user=user),
        "roles": sorted(group.name for group in user.groups.all()) + (["staff"] if user.is_staff else []),
        "is_reviewer": is_reviewer(user=user),
        "token": None if token is None else {"name": token.name, "prefix": token.prefix, "scopes": token.scopes,
                                              "expires_at": token.expires_at},
    }
