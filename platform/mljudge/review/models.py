from django.conf import settings
from django.db import IntegrityError, models


class Comment(models.Model):
    """Feedback on a submission, visible to its author and its reviewers."""

    submission = models.ForeignKey("submissions.Submission", on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField()
    body_html = models.TextField()          # rendered and sanitised when written
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class FeedbackSeen(models.Model):
    """When the submission's author last opened it: feedback written after this is unread."""

    submission = models.OneToOneField("submissions.Submission", on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()


class AuditRowImmutable(IntegrityError):
    """A score override's audit row was about to be changed or deleted: the trail is append-only."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditRowImmutable("Score override audit rows are never updated.")

    def delete(self):
        raise AuditRowImmutable("Score override audit rows are never deleted.")


class ScoreOverride(models.Model):
    """The audit trail: every override an instructor made, with the score it replaced. Append-only: the app has
    no path that changes or deletes a row (save(), delete() and the queryset refuse; the admin is read-only;
    deleting the submission is PROTECTed), and on PostgreSQL a trigger refuses UPDATE and DELETE from anywhere
    (migration 0002)."""

    submission = models.ForeignKey("submissions.Submission", on_delete=models.PROTECT, related_name="overrides")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    previous = models.FloatField(null=True, blank=True)   # the effective score before
    score = models.FloatField(null=True, blank=True)      # null: override removed, the graded score counts
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    # An integrity guard, not business logic (the one exception to "no logic in save()"): an audit row that
    # could be edited would prove nothing.
    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditRowImmutable("Score override audit rows are never updated.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditRowImmutable("Score override audit rows are never deleted.")


class RubricGrade(models.Model):
    """An instructor's grading of a design answer against the problem's rubric. The student sees it only
    once published."""

    submission = models.OneToOneField("submissions.Submission", on_delete=models.CASCADE, related_name="rubric_grade")
    graded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # [{"name", "max_points", "points", "comment"}] in rubric order
    criteria = models.JSONField()
    points = models.FloatField()
    max_points = models.FloatField()
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
