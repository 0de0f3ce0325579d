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
