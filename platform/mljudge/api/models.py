"""Personal access tokens (and what they were used for). A token is shown once, at creation; only its SHA-256
digest is stored (the token is 256 random bits, so a fast hash is enough: there is nothing to brute-force)."""
from django.conf import settings
from django.db import models
from django.utils import timezone


class Scope(models.TextChoices):
    """What a token may do. A scope never adds a right the user lacks: `review` on a solver's token opens no
    cohort, it only lets an instructor's token reach what the instructor could."""

    READ = "read", "read: problems, your submissions and results, leaderboards"
    SUBMIT = "submit", "submit: Run and Submit code, send design answers"
    REVIEW = "review", "review: your cohorts' rosters, submissions, comments, overrides, grades, export, rejudge"
    AUTHOR = "author", "author: start and follow problem syncs"


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=16)                 # "mlj_" and 8 characters: tells tokens apart
    digest = models.CharField(max_length=64, unique=True)    # sha256 hex of the whole token
    scopes = models.JSONField(default=list)                  # [Scope values]
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)  # None: never
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


def active_tokens_q(*, now, via: str = "") -> models.Q:
    """Tokens that still work at `now`: not revoked, not expired (`via`: the lookup path to the token, e.g.
    "token__" from a webhook). ApiToken.is_active says the same of one loaded token."""
    return (models.Q(**{f"{via}revoked_at__isnull": True})
            & (models.Q(**{f"{via}expires_at__isnull": True}) | models.Q(**{f"{via}expires_at__gt": now})))


class ApiTokenUse(models.Model):
    """The usage log a token's owner sees: one row per API request made with it (pruned after
    api.services.USE_LOG_DAYS)."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="uses")
    at = models.DateTimeField(default=timezone.now)
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=200)
    status = models.PositiveSmallIntegerField()
    ip = models.CharField(max_length=45, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["token", "at"])]


class Webhook(models.Model):
    """A callback URL registered by one token (a webhook belongs to the token, not only to its user: revoking
    the token silences it). The secret must be kept in clear to sign with; it is shown once, at creation."""

    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE, related_name="webhooks")
    url = models.CharField(max_length=500)
    secret = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    disabled_at = models.DateTimeField(null=True, blank=True)   # deleted by its owner: no more deliveries

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.url


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"     # gave up: attempts used up, or the webhook/token/address is no longer valid


class WebhookEvent(models.TextChoices):
    GRADED = "submission.graded", "A submission was graded"
    REJUDGED = "submission.rejudged", "A rejudge changed a submission's verdict or score"


class WebhookDelivery(models.Model):
    """One event for one webhook, and how its attempts went. Every change is a conditional UPDATE in
    api.webhook_services (a re-delivered task finds the row moved on and sends nothing)."""

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    submission = models.ForeignKey("submissions.Submission", on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=40, choices=WebhookEvent.choices)
    status = models.CharField(max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)   # of the last attempt
    error = models.CharField(max_length=200, blank=True)                       # of the last attempt
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["webhook", "created_at"])]
