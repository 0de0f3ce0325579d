from django.db import models

import grader
import grader.problem
from mljudge.core.choices import text_choices

# The grader's enums as model choices: FUNCTION "Function", SCORED, DESIGN; EASY "Easy", MEDIUM, HARD.
Kind = text_choices(grader.problem.Kind, module=__name__)
# What submitted code runs with (grader.Runtime); the label names what a solver may import.
Runtime = text_choices(grader.Runtime, module=__name__,
                       labels={grader.Runtime.NUMPY: "NumPy", grader.Runtime.TORCH: "PyTorch"})
Difficulty = text_choices(grader.problem.Difficulty, module=__name__)


class Topic(models.Model):
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug


class Problem(models.Model):
    """The catalogue entry for problems/<slug>/, kept in step by `manage.py sync_problems`."""

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    runtime = models.CharField(max_length=16, choices=Runtime.choices, default=Runtime.NUMPY)
    difficulty = models.CharField(max_length=16, choices=Difficulty.choices)
    topics = models.ManyToManyField(Topic, related_name="problems", blank=True)
    statement_md = models.TextField()
    statement_html = models.TextField()        # rendered and sanitised when synced
    starter = models.TextField(blank=True)
    # The texts for people, rendered at sync like the statement (issue 13). Kept on the problem, not its
    # version: fixing a hint's wording must not make a new version (which rejudges every submission).
    hints_html = models.JSONField(default=list, blank=True)     # [{"title": str, "html": str}, ...] in order
    learn_html = models.TextField(blank=True)
    editorial_html = models.TextField(blank=True)              # shown only once unlocked (mljudge.learning)
    entry_point = models.CharField(max_length=100, blank=True)
    current_version = models.ForeignKey("ProblemVersion", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="+")
    is_active = models.BooleanField(default=True)
    # Synced as a draft (`sync_problems --draft` or a DRAFT file): authors preview it, solvers never see it.
    is_draft = models.BooleanField(default=False)
    # Scored problems: the acceptance threshold from problem.toml (leaderboard points are relative to it).
    score_threshold = models.FloatField(null=True, blank=True)
    # The scores a grade can have (None: unbounded on that side), from the grader at sync time: 0–1 for
    # function problems (fraction of tests passed) and design answers (fraction of rubric points), the metric's
    # range for scored ones. Score overrides must lie inside it (review.services).
    score_min = models.FloatField(null=True, blank=True, default=0.0)
    score_max = models.FloatField(null=True, blank=True, default=1.0)
    # Scored problems: the private ranking is shown to non-staff only from this moment on (set by staff).
    private_revealed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["difficulty", "title"]

    def __str__(self) -> str:
        return self.slug


class ProblemVersion(models.Model):
    """One row per distinct grading content (problem.toml, reference, cases, checker) ever synced."""

    problem = models.ForeignKey(Problem, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()          # 1, 2, 3… in sync order
    declared_version = models.PositiveIntegerField()  # `version` in problem.toml
    content_hash = models.CharField(max_length=64)
    synced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["problem", "-number"]
        constraints = [models.UniqueConstraint(fields=["problem", "number"], name="problem_version_number_unique")]

    def __str__(self) -> str:
        return f"{self.problem.slug} v{self.number}"


class ProblemBundle(models.Model):
    """A version's grading files (grader.problem.GRADING_FILES) as a gzipped tar, stored at sync, so that every
    worker host grades the version a submission was made against even when its own problems/ folder holds
    another one (grading.versions). Keyed by content hash: versions with the same grading content share one.
    A table of its own, so that the catalogue's version rows never carry the bytes."""

    content_hash = models.CharField(max_length=64, unique=True)
    slug = models.SlugField(max_length=100)
    data = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.slug} {self.content_hash[:12]}"
