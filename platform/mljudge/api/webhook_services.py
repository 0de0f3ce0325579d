"""Webhooks: register (the secret is returned once), delete, and deliver events about a token owner's
submissions, signed with HMAC-SHA256.

Grading only calls `webhooks_notify` (through grading.states), which queues the dispatcher once the grade is
committed and never raises: a webhook can neither slow grading down nor fail it. The dispatcher writes one
WebhookDelivery per active webhook and queues one delivery task each, on their own queue
(settings.MLJUDGE_WEBHOOK_QUEUE). Every change of a delivery is a conditional UPDATE, so a duplicated or
re-delivered task message sends nothing twice. Payloads are api.payloads.submission_payload: the solver view."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from mljudge.core.refusals import Reason, Refused
from mljudge.submissions.models import Mode, Submission

from .models import ApiToken, DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent, active_tokens_q
from .webhook_addresses import webhook_target

logger = logging.getLogger("mljudge.api.webhooks")

SECRET_PREFIX = "whsec_"
MAX_WEBHOOKS_PER_TOKEN = 5
USER_AGENT = "mljudge-webhooks/1"
SIGNATURE_HEADER = "X-Mljudge-Signature"
RESPONSE_READ_MAX = 4096     # bytes of a receiver's answer we read (and drop): only its status matters
ERROR_MAX = 200
EARLY_GRACE = timedelta(seconds=2)   # a due message may run this early (clocks of web and worker hosts differ)


@dataclass(frozen=True)
class NewWebhook:
    webhook: Webhook
    secret: str     # shown once


def sign(*, secret: str, body: bytes) -> str:
    """The X-Mljudge-Signature value of a body: "sha256=" and the hex HMAC-SHA256 keyed with the secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def retry_delay(*, attempt: int) -> timedelta:
    """How long after failed attempt number `attempt` (1-based) the next one is made: base × 4^(attempt-1)."""
    return timedelta(seconds=settings.MLJUDGE_WEBHOOK_BACKOFF_S * 4 ** (attempt - 1))


def _active_tokens(*, now: datetime) -> Q:
    """Webhooks whose token still works (not revoked, not expired, its user active) and that are not deleted."""
    return Q(disabled_at__isnull=True, token__user__is_active=True) & active_tokens_q(now=now, via="token__")


# --- registering ------------------------------------------------------------------------------------------

def webhook_create(*, token: ApiToken | None, url: str, now: datetime | None = None) -> NewWebhook:
    """Registers `url` for `token` (a session has none: refused). The URL is checked (api.webhook_addresses);
    at most MAX_WEBHOOKS_PER_TOKEN active webhooks per token."""
    if token is None:
        raise Refused(Reason.WEBHOOK_NEEDS_TOKEN)
    target = webhook_target(url=url)   # DNS: outside the transaction
    now = now or timezone.now()
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        # Counted under the token's row lock, so two concurrent requests cannot both pass the cap.
        ApiToken.objects.select_for_update().filter(pk=token.pk).first()
        count = Webhook.objects.filter(token=token, disabled_at__isnull=True).count()
        if count >= MAX_WEBHOOKS_PER_TOKEN:
            raise Refused(Reason.WEBHOOK_LIMIT, count=count)
        webhook = Webhook.objects.create(token=token, url=target.url, secret=secret, created_at=now)
    return NewWebhook(webhook=webhook, secret=secret)


def webhook_delete(*, token: ApiToken | None, webhook_id: int) -> bool:
    """Disables one of the token's webhooks: its pending deliveries stop at their next attempt. False if the
    token has no such active webhook."""
    if token is None:
        raise Refused(Reason.WEBHOOK_NEEDS_TOKEN)
    return bool(Webhook.objects.filter(id=webhook_id, token=token, disabled_at__isnull=True)
                .update(disabled_at=timezone.now()))


# --- from grading to deliveries ---------------------------------------------------------------------------

def webhooks_notify(*, submission_id: int, event: str = WebhookEvent.GRADED) -> None:
    """Called by grading when a submission's grade is written: once that transaction commits, queues the
    dispatcher if the owner has any active webhook. Never raises (a broker or database error is logged), and
    never waits for a receiver."""
    def send() -> None:
        try:
            from .tasks import webhooks_dispatch

            owner_has_hooks = Webhook.objects.filter(
                _active_tokens(now=timezone.now()),
                token__user__submissions__id=submission_id).exists()
            if owner_has_hooks:
                webhooks_dispatch.apply_async((submission_id, str(event)), queue=settings.MLJUDGE_WEBHOOK_QUEUE)
        except Exception:  # noqa: BLE001  (grading must not fail or retry because of a webhook)
            logger.exception("submission %s: webhooks not queued", submission_id)

    try:
        transaction.on_commit(send)
    except Exception:  # noqa: BLE001
        logger.exception("submission %s: webhooks not queued", submission_id)


def webhooks_dispatch(*, submission_id: int, event: str, now: datetime | None = None) -> list[int]:
    """One pending delivery per active webhook of the submission owner's working tokens, each queued once
    this transaction commits. A re-delivered dispatch message for a "graded" event creates nothing twice."""
    from .tasks import webhook_deliver

    now = now or timezone.now()
    submission = Submission.objects.filter(id=submission_id, mode__in=(Mode.RUN, Mode.SUBMIT)).first()
    if submission is None:
        return []
    created = []
    with transaction.atomic():
        for webhook in Webhook.objects.filter(_active_tokens(now=now), token__user_id=submission.user_id):
            if event == WebhookEvent.GRADED:
                # A submission is graded once: a repeated dispatch of it finds its deliveries made.
                delivery, new = WebhookDelivery.objects.get_or_create(
                    webhook=webhook, submission=submission, event=event,
                    defaults={"created_at": now, "next_attempt_at": now})
                if not new:
                    continue
            else:
                delivery = WebhookDelivery.objects.create(webhook=webhook, submission=submission, event=event,
                                                          created_at=now, next_attempt_at=now)
            created.append(delivery.id)
        for delivery_id in created:
            transaction.on_commit(lambda delivery_id=delivery_id: webhook_deliver.apply_async(
                (delivery_id,), queue=settings.MLJUDGE_WEBHOOK_QUEUE))
    return created


# --- one attempt ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Attempt:
    status: str                         # DeliveryStatus after this attempt ("" if no attempt was made)
    retry_in: timedelta | None = None   # when the next attempt is due (status pending)


NOT_MADE = Attempt(status="")


def _give_up(delivery: WebhookDelivery, *, attempts: int, error: str) -> Attempt:
    WebhookDelivery.objects.filter(id=delivery.id, status=DeliveryStatus.PENDING, attempts=attempts).update(
        status=DeliveryStatus.FAILED, error=error[:ERROR_MAX], next_attempt_at=None)
    return Attempt(status=DeliveryStatus.FAILED)


def delivery_body(*, delivery: WebhookDelivery, now: datetime) -> bytes:
    from .payloads import submission_payload

    return json.dumps({"event": delivery.event, "delivery": delivery.id, "sent_at": now,
                       "submission": submission_payload(submission=delivery.submission)},
                      cls=DjangoJSONEncoder, separators=(",", ":")).encode()


def _post(*, url: str, body: bytes, headers: dict) -> int:
    """POSTs and returns the status; reads at most RESPONSE_READ_MAX bytes of the answer; follows no
    redirect (a redirect is an answer, not a delivery)."""
    target = webhook_target(url=url)   # again now: the address may have changed since registration
    timeout = httpx.Timeout(settings.MLJUDGE_WEBHOOK_TIMEOUT_S)
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        with client.stream("POST", target.pinned_url(), content=body,
                           headers={**headers, "Host": target.host_header()},
                           extensions={"sni_hostname": target.host}) as response:
            read = 0
            for chunk in response.iter_raw():
                read += len(chunk)
                if read >= RESPONSE_READ_MAX:
                    break
            return response.status_code


def delivery_attempt(*, delivery_id: int, now: datetime | None = None) -> Attempt:
    """Makes the delivery's next attempt if it is due and still wanted: claims it (attempts+1, a conditional
    UPDATE), POSTs the signed body, records the answer. 2xx: delivered. Otherwise pending with the next
    attempt's delay, or failed once settings.MLJUDGE_WEBHOOK_ATTEMPTS are used. A deleted webhook, a revoked
    or expired token, or an address no longer allowed ends it as failed without sending."""
    now = now or timezone.now()
    delivery = (WebhookDelivery.objects.select_related("webhook__token__user", "submission__problem")
                .filter(id=delivery_id, status=DeliveryStatus.PENDING).first())
    if delivery is None or (delivery.next_attempt_at is not None and delivery.next_attempt_at > now + EARLY_GRACE):
        return NOT_MADE   # done already, or a duplicate message ahead of its time (the broker re-sent it)
    attempts = delivery.attempts + 1
    claimed = WebhookDelivery.objects.filter(id=delivery.id, status=DeliveryStatus.PENDING,
                                             attempts=delivery.attempts).update(attempts=attempts,
                                                                                next_attempt_at=None)
    if claimed != 1:
        return NOT_MADE
    webhook, token = delivery.webhook, delivery.webhook.token
    if webhook.disabled_at is not None:
        return _give_up(delivery, attempts=attempts, error="the webhook was deleted")
    if not token.is_active(now) or not token.user.is_active:
        return _give_up(delivery, attempts=attempts, error="the webhook's token was revoked or expired")
    body = delivery_body(delivery=delivery, now=now)
    headers = {"Content-Type": "application/json", "User-Agent": USER_AGENT, "X-Mljudge-Event": delivery.event,
               "X-Mljudge-Delivery": str(delivery.id), SIGNATURE_HEADER: sign(secret=webhook.secret, body=body)}
    status, error = None, ""
    try:
        status = _post(url=webhook.url, body=body, headers=headers)
    except Refused as exc:   # the host now resolves to an address webhooks may not reach: permanent
        return _give_up(delivery, attempts=attempts, error=str(exc))
    except httpx.TimeoutException:
        error = f"no answer within {settings.MLJUDGE_WEBHOOK_TIMEOUT_S:g} s"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"
    held = WebhookDelivery.objects.filter(id=delivery.id, status=DeliveryStatus.PENDING, attempts=attempts)
    if status is not None and 200 <= status < 300:
        held.update(status=DeliveryStatus.DELIVERED, response_status=status, error="",
                    delivered_at=timezone.now())
        return Attempt(status=DeliveryStatus.DELIVERED)
    error = error or f"answered HTTP {status}"
    if attempts >= settings.MLJUDGE_WEBHOOK_ATTEMPTS:
        held.update(status=DeliveryStatus.FAILED, response_status=status, error=error[:ERROR_MAX],
                    next_attempt_at=None)
        return Attempt(status=DeliveryStatus.FAILED)
    retry_in = retry_delay(attempt=attempts)
    held.update(response_status=status, error=error[:ERROR_MAX], next_attempt_at=timezone.now() + retry_in)
    return Attempt(status=DeliveryStatus.PENDING, retry_in=retry_in)
