from django.conf import settings
from django.db import models


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


class ScoreOverride(models.Model):
    """The audit trail: every override an instructor made, with the score it replaced. Never updated."""

    submission = models.ForeignKey("submissions.Submission", on_delete=models.CASCADE, related_name="overrides")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    previous = models.FloatField(null=True, blank=True)   # the effective score before
    score = models.FloatField(null=True, blank=True)      # null: override removed, the graded score counts
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]


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
