"""Webhooks of the calling token (docs/api-webhooks.md): register (the secret is shown once), list, delete,
and the deliveries of one. A session has no token to own a webhook: refused. Another token's webhook, even
the same user's, is 404."""
from datetime import datetime

from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from mljudge.api.auth import scoped
from mljudge.api.models import Scope
from mljudge.api.paging import Paged
from mljudge.api.selectors import deliveries_of, webhook_of_token, webhooks_of_token
from mljudge.api.webhook_services import webhook_create, webhook_delete
from mljudge.core.refusals import Reason, Refused

router = Router(tags=["webhooks"])


class WebhookIn(Schema):
    url: str


class WebhookOut(Schema):
    id: int
    url: str
    created_at: datetime


class WebhookCreated(WebhookOut):
    secret: str   # shown once: sign-check deliveries with it


class DeliveryOut(Schema):
    id: int
    event: str
    submission: int
    status: str
    attempts: int
    response_status: int | None
    error: str
    created_at: datetime
    delivered_at: datetime | None
    next_attempt_at: datetime | None

    @staticmethod
    def resolve_submission(obj) -> int:
        return obj.submission_id


def _token(request: HttpRequest):
    token = getattr(request, "api_token", None)
    if token is None:
        raise Refused(Reason.WEBHOOK_NEEDS_TOKEN)
    return token


@router.post("/webhooks", response={201: WebhookCreated}, auth=scoped(Scope.READ),
             summary="Register a webhook for this token (the secret is shown once)")
def webhook_register(request: HttpRequest, body: WebhookIn):
    new = webhook_create(token=getattr(request, "api_token", None), url=body.url)
    return Status(201, {"id": new.webhook.id, "url": new.webhook.url, "created_at": new.webhook.created_at,
                 "secret": new.secret})


@router.get("/webhooks", response=list[WebhookOut], auth=scoped(Scope.READ), summary="This token's webhooks")
def webhook_list(request: HttpRequest):
    return webhooks_of_token(token=_token(request))


@router.delete("/webhooks/{webhook_id}", response={204: None}, auth=scoped(Scope.READ),
               summary="Delete a webhook (pending deliveries stop)")
def webhook_remove(request: HttpRequest, webhook_id: int):
    if not webhook_delete(token=_token(request), webhook_id=webhook_id):
        raise Http404("No such webhook")
    return Status(204, None)


@router.get("/webhooks/{webhook_id}/deliveries", response=list[DeliveryOut], auth=scoped(Scope.READ),
            summary="A webhook's deliveries, newest first")
@paginate(Paged)
def webhook_deliveries(request: HttpRequest, webhook_id: int):
    return deliveries_of(webhook=webhook_of_token(token=_token(request), webhook_id=webhook_id))
