import secrets

from django.conf import settings
from django.db import models


def new_invite_token() -> str:
    return secrets.token_urlsafe(24)


class CohortRole(models.TextChoices):
    MEMBER = "member", "Member"
    INSTRUCTOR = "instructor", "Instructor"


class Cohort(models.Model):
    """A class or study group. Its instructors review its members' submissions, and nobody else's."""

    name = models.CharField(max_length=120)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Anyone holding the token may join as a member; rotating it invalidates links already handed out.
    invite_token = models.CharField(max_length=64, unique=True, default=new_invite_token)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships")
    role = models.CharField(max_length=16, choices=CohortRole.choices, default=CohortRole.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cohort", "role", "user__username"]
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="cohort_membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} in {self.cohort} ({self.role})"
