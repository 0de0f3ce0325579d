"""Assignments in a cohort (problems with points, a due time, a late policy, extensions) and timed mock
interviews. The rules that turn these rows and the submissions into grades live in policy.py; nothing is
stored per grade: a gradebook is computed from the submission rows, so a rejudge changes it by construction."""
from django.conf import settings
from django.db import models
from django.db.models import F, Q


class LatePolicy(models.TextChoices):
    NONE = "none", "No late submissions"
    PER_DAY = "per_day", "A penalty per started day late, up to a cut-off"


class Counting(models.TextChoices):
    LAST = "last", "The last submission"
    BEST = "best", "The best submission"


class HideResults(models.TextChoices):
    NO = "no", "Show results at once"
    UNTIL_DUE = "until_due", "Hide results until the due time"
    UNTIL_PUBLISHED = "until_published", "Hide results until grades are published"


class Assignment(models.Model):
    cohort = models.ForeignKey("cohorts.Cohort", on_delete=models.CASCADE, related_name="assignments")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    opens_at = models.DateTimeField()
    due_at = models.DateTimeField()
    late_policy = models.CharField(max_length=16, choices=LatePolicy.choices, default=LatePolicy.NONE)
    late_percent_per_day = models.PositiveSmallIntegerField(default=10)   # only with PER_DAY
    late_cutoff_days = models.PositiveSmallIntegerField(default=3)        # only with PER_DAY
    counting = models.CharField(max_length=8, choices=Counting.choices, default=Counting.LAST)
    hide_results = models.CharField(max_length=16, choices=HideResults.choices, default=HideResults.NO)
    published_at = models.DateTimeField(null=True, blank=True)           # "publish grades"
    # When the results hidden until the due time were recorded (services.results_record_due): the sweep's mark.
    results_recorded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(due_at__gt=F("opens_at")), name="assignment_due_after_open"),
            models.CheckConstraint(condition=Q(late_percent_per_day__lte=100), name="assignment_percent_le_100"),
        ]

    def __str__(self) -> str:
        return self.title


class AssignmentProblem(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="items")
    problem = models.ForeignKey("problemset.Problem", on_delete=models.PROTECT, related_name="+")
    points = models.PositiveIntegerField(default=10)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["assignment", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["assignment", "problem"], name="assignment_problem_unique")]

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.problem_id} ({self.points})"


class Extension(models.Model):
    """One student's own due time for an assignment (the late policy then runs from it)."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="extensions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    due_at = models.DateTimeField()
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    granted_at = models.DateTimeField(auto_now=True)
    results_recorded_at = models.DateTimeField(null=True, blank=True)   # as Assignment's, for this student's due

    class Meta:
        constraints = [models.UniqueConstraint(fields=["assignment", "user"], name="extension_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} until {self.due_at:%Y-%m-%d %H:%M}"


class MockSession(models.Model):
    """A timed mock interview. Its submissions are the user's submissions to its problems made between
    started_at and its end (policy.mock_end_of), decided from the rows' server-side times, never linked by hand."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mock_sessions")
    minutes = models.PositiveSmallIntegerField()
    source = models.CharField(max_length=120)   # what it was drawn from, in words ("difficulty: medium")
    started_at = models.DateTimeField()
    ends_at = models.DateTimeField()            # started_at + minutes: the time limit
    ended_at = models.DateTimeField(null=True, blank=True)   # the solver ended it early

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["user", "-started_at"], name="mock_session_user")]

    def __str__(self) -> str:
        return f"mock {self.id} of {self.user_id} ({self.minutes} min)"


class MockProblem(models.Model):
    session = models.ForeignKey(MockSession, on_delete=models.CASCADE, related_name="items")
    problem = models.ForeignKey("problemset.Problem", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    opened_at = models.DateTimeField(null=True, blank=True)   # first opened from the session page

    class Meta:
        ordering = ["session", "position"]
        constraints = [models.UniqueConstraint(fields=["session", "problem"], name="mock_problem_unique")]

    def __str__(self) -> str:
        return f"mock {self.session_id}: {self.problem_id}"
