"""What a solver has taken from a problem beyond its statement (hints revealed, the editorial opened), and the
study plans. Rows are written by mljudge.learning.services only; the leaderboard rules read them
(leaderboards.scoring: a hint costs points, a give-up is a forfeit)."""
from django.conf import settings
from django.db import models


class HintReveal(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hint_reveals")
    problem = models.ForeignKey("problemset.Problem", on_delete=models.CASCADE, related_name="hint_reveals")
    index = models.PositiveSmallIntegerField()   # 0 for the first hint; revealed strictly in order
    revealed_at = models.DateTimeField()

    class Meta:
        ordering = ["user", "problem", "index"]
        constraints = [models.UniqueConstraint(fields=["user", "problem", "index"], name="hint_reveal_once")]

    def __str__(self) -> str:
        return f"{self.user_id}/{self.problem_id}: hint {self.index + 1}"


class UnlockReason(models.TextChoices):
    ACCEPTED = "accepted", "Solved"
    GAVE_UP = "gave_up", "Gave up"


class EditorialUnlock(models.Model):
    """The editorial was opened to this user: by solving the problem, or by giving up (a forfeit)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="editorial_unlocks")
    problem = models.ForeignKey("problemset.Problem", on_delete=models.CASCADE, related_name="editorial_unlocks")
    reason = models.CharField(max_length=16, choices=UnlockReason.choices)
    unlocked_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "problem"], name="editorial_unlock_once")]

    def __str__(self) -> str:
        return f"{self.user_id}/{self.problem_id}: {self.reason}"


class StudyPlan(models.Model):
    """plans/<slug>.toml, kept in step at sync (grading.problems.problems_sync)."""

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=300)
    position = models.IntegerField(default=0)
    summary = models.CharField(max_length=300)

    class Meta:
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.slug


class PlanStep(models.Model):
    plan = models.ForeignKey(StudyPlan, on_delete=models.CASCADE, related_name="steps")
    problem = models.ForeignKey("problemset.Problem", on_delete=models.CASCADE, related_name="plan_steps")
    position = models.PositiveIntegerField()
    why = models.CharField(max_length=300)

    class Meta:
        ordering = ["plan", "position"]
        constraints = [models.UniqueConstraint(fields=["plan", "position"], name="plan_step_position"),
                       models.UniqueConstraint(fields=["plan", "problem"], name="plan_step_problem")]

    def __str__(self) -> str:
        return f"{self.plan.slug} {self.position}: {self.problem_id}"
