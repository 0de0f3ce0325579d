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


class MembershipStatus(models.TextChoices):
    INVITED = "invited", "Invited"
    ACCEPTED = "accepted", "Accepted"


class Membership(models.Model):
    """A user's place in a cohort. An instructor's "add by username" only invites: the row grants nothing
    until the user accepts it (joining by invite link is the user's own act, so it is accepted at once).
    Declining or leaving deletes the row. cohorts.selectors.reviewer_window is the one rule that turns
    accepted rows into access to code."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohort_memberships")
    role = models.CharField(max_length=16, choices=CohortRole.choices, default=CohortRole.MEMBER)
    # The safe default: a row written without saying otherwise is a pending invitation, which grants nothing.
    status = models.CharField(max_length=16, choices=MembershipStatus.choices, default=MembershipStatus.INVITED)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    joined_at = models.DateTimeField(auto_now_add=True)    # when the row was written (invited or joined)
    accepted_at = models.DateTimeField(null=True, blank=True)
    # The member agreed that the cohort's instructors see work from before accepted_at too.
    share_past = models.BooleanField(default=False)

    class Meta:
        ordering = ["cohort", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="cohort_membership_unique"),
            # An accepted membership always has its start: the time window is computed from it.
            models.CheckConstraint(condition=~models.Q(status=MembershipStatus.ACCEPTED) | models.Q(accepted_at__isnull=False),
                                   name="cohort_membership_accepted_has_time"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.cohort} ({self.role})"


class AccessVia(models.TextChoices):
    """How a user came to see another user's submission."""

    REVIEWER = "reviewer", "as an instructor of your cohort"
    STAFF = "staff", "with staff rights"
    ADMIN = "admin", "in the admin site"


class CodeAccess(models.Model):
    """One view of another user's submission (its code or report), shown to the submission's owner on their
    "who can see my code" page. Written by cohorts.services.code_access_record; never updated."""

    # SET_NULL: deleting the viewer's account must not erase what they saw from the owner's page.
    viewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="code_accesses")
    submission = models.ForeignKey("submissions.Submission", on_delete=models.CASCADE, related_name="+")
    via = models.CharField(max_length=16, choices=AccessVia.choices)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["owner", "-at"], name="code_access_owner_at"),
                   models.Index(fields=["viewer", "submission", "via", "-at"], name="code_access_recent")]

    def __str__(self) -> str:
        return f"{self.viewer_id} saw #{self.submission_id} ({self.via})"
