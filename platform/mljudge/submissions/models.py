from django.conf import settings
from django.db import models

import grader
from mljudge.core.choices import text_choices


class Mode(models.TextChoices):
    RUN = "run", "Run (public examples)"
    SUBMIT = "submit", "Submission"
    DESIGN = "design", "Design answer"


class Status(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    GRADED = "graded", "Graded"
    SYSTEM_ERROR = "system_error", "System error"
    AWAITING_REVIEW = "awaiting_review", "Awaiting review"
    CANCELLED = "cancelled", "Cancelled"   # by its owner while still queued (grading.states.submission_cancel)

    @classmethod
    def in_flight(cls) -> list[str]:
        return [cls.QUEUED, cls.RUNNING]


# The grader's verdicts (grader.Verdict), as stored: ACCEPTED "Accepted", WRONG_ANSWER "Wrong Answer",
# TIME_LIMIT_EXCEEDED "Time Limit Exceeded", …
Verdict = text_choices(grader.Verdict, module=__name__)


class Submission(models.Model):
    """The source of truth for one run, submission or design answer. Written before anything is queued;
    its status only moves by the conditional UPDATEs of mljudge.grading.states (the state machine)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions")
    problem = models.ForeignKey("problemset.Problem", on_delete=models.PROTECT, related_name="submissions")
    problem_version = models.ForeignKey("problemset.ProblemVersion", null=True, blank=True,
                                        on_delete=models.SET_NULL, related_name="submissions")
    mode = models.CharField(max_length=16, choices=Mode.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    verdict = models.CharField(max_length=32, choices=Verdict.choices, blank=True)
    source = models.TextField()                     # code, or the Markdown answer of a design problem
    # A design answer rendered and sanitised once, when it is written (services.design_answer_create): pages
    # show this and never render on read. Empty for code, which pages highlight (linear, MAX_SOURCE_BYTES).
    answer_html = models.TextField(blank=True)
    score = models.FloatField(null=True, blank=True)
    # Scored problems: the hidden part of the split (the report's private_score), for leaderboards to read
    # without opening the report. Set with the other report columns (grading.reports.report_fields).
    private_score = models.FloatField(null=True, blank=True)
    # Set by an instructor (issue 6); when not null it replaces `score` everywhere scores count.
    score_override = models.FloatField(null=True, blank=True)
    passed = models.PositiveIntegerField(null=True, blank=True)
    total = models.PositiveIntegerField(null=True, blank=True)
    time_s = models.FloatField(null=True, blank=True)
    report = models.JSONField(null=True, blank=True)  # full (hidden details too); solvers: reports.solver_view
    message = models.TextField(blank=True)          # system errors, in words
    # While running: {"total": n, "tests": [...]}, the tests judged so far as the solver sees them (written by
    # grading.reports.progress_recorder only).
    progress = models.JSONField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    claimed_by = models.CharField(max_length=200, blank=True)  # host:pid:start of the worker process
    created_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    # Refreshed while a worker grades or rejudges: "stuck" means no sign of life, not "started long ago".
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    # When a grading message for this row was last handed to the broker (the database's clock), and how many
    # were: NULL means none yet (the broker was unreachable at submit). The sweeper re-sends by these
    # (grading.states.submission_sent, grading.services.stuck_submissions_sweep).
    sent_at = models.DateTimeField(null=True, blank=True)
    sends = models.PositiveIntegerField(default=0)
    # While a rejudge holds this graded row: its claim token (grading.states.rejudge_claim); empty otherwise.
    rejudge_claim = models.CharField(max_length=250, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "problem", "-created_at"], name="submission_user_problem"),
            models.Index(fields=["user", "created_at"], name="submission_user_created"),
            models.Index(fields=["status", "queued_at"], name="submission_status_queued"),
        ]
        permissions = [("view_all_submissions", "Can view everyone's submissions and code")]

    def __str__(self) -> str:
        return f"#{self.pk} {self.mode} {self.problem_id} {self.status}"

    @property
    def is_final(self) -> bool:
        return self.status not in Status.in_flight()


class Draft(models.Model):
    """What a user's editor holds for one problem, autosaved as they type: on the server, per user, so it
    follows them to any device and nobody else at the same computer sees it. No draft means the starter."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    problem = models.ForeignKey("problemset.Problem", on_delete=models.CASCADE, related_name="drafts")
    source = models.TextField(blank=True)  # at most grading.api.MAX_SOURCE_BYTES, checked by draft_save
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "problem"], name="draft_user_problem")]

    def __str__(self) -> str:
        return f"draft {self.user_id}/{self.problem_id}"
