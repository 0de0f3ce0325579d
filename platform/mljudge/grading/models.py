from django.db import models


class ReportHistory(models.Model):
    """A report a submission had before it was rejudged (the problem's grading content changed)."""

    submission = models.ForeignKey("submissions.Submission", on_delete=models.CASCADE, related_name="report_history")
    problem_version = models.ForeignKey("problemset.ProblemVersion", null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="+")
    verdict = models.CharField(max_length=32, blank=True)
    score = models.FloatField(null=True, blank=True)
    passed = models.PositiveIntegerField(null=True, blank=True)
    total = models.PositiveIntegerField(null=True, blank=True)
    report = models.JSONField(null=True, blank=True)   # the full report, as stored then
    graded_at = models.DateTimeField(null=True, blank=True)
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-replaced_at", "-id"]
