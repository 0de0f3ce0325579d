from django.conf import settings
from django.db import models


class BestResult(models.Model):
    """A user's best graded submission of one problem: the single place every leaderboard, total and profile
    count reads from. Derived from submissions by mljudge.leaderboards.services, never edited by hand."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="best_results")
    problem = models.ForeignKey("problemset.Problem", on_delete=models.CASCADE, related_name="best_results")
    best_submission = models.ForeignKey("submissions.Submission", null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="+")
    solved = models.BooleanField(default=False)
    points = models.FloatField(default=0.0)                   # weight × fraction (scoring.py)
    best_score = models.FloatField(null=True, blank=True)     # effective (override or graded) public score
    private_score = models.FloatField(null=True, blank=True)  # of the best public submission; shown after reveal
    achieved_at = models.DateTimeField(null=True, blank=True)  # when the current points were first reached
    solved_at = models.DateTimeField(null=True, blank=True)    # first solving submission
    runtime_s = models.FloatField(null=True, blank=True)       # ...and its running time
    attempts = models.PositiveIntegerField(default=0)          # graded submissions (not runs)
    hints_used = models.PositiveSmallIntegerField(default=0)  # hints revealed before the first solve (scoring.py)
    forfeit = models.BooleanField(default=False)              # gave up before solving: 0 points (scoring.py)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "problem"], name="best_result_user_problem")]
        indexes = [
            models.Index(fields=["problem", "solved", "solved_at", "id"], name="best_result_first_solve"),
            models.Index(fields=["problem", "-best_score", "achieved_at", "id"], name="best_result_public"),
            models.Index(fields=["problem", "-private_score", "achieved_at", "id"], name="best_result_private"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}/{self.problem_id}: {self.points}"


class Scope:
    """Standing.scope values: one precomputed ranking per filter of the global leaderboard."""

    ALL = "all"
    LAST_30_DAYS = "30d"
    TOPIC_PREFIX = "topic:"

    @classmethod
    def topic(cls, slug: str) -> str:
        return f"{cls.TOPIC_PREFIX}{slug}"


class Standing(models.Model):
    """A user's decayed total in one scope, precomputed from BestResult so a leaderboard page is an index scan.
    Only users with points have a row."""

    scope = models.CharField(max_length=80)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="standings")
    points = models.FloatField()
    solved = models.PositiveIntegerField()
    reached_at = models.DateTimeField()   # the submission that last raised the total: earlier wins a tie

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "user"], name="standing_scope_user")]
        indexes = [models.Index(fields=["scope", "-points", "reached_at", "user"], name="standing_rank")]

    def __str__(self) -> str:
        return f"{self.scope} {self.user_id}: {self.points}"


class Revision(models.Model):
    """A counter per cached thing, bumped in the transaction of every change to it: one per Standing scope, one
    per problem (its BestResult rows and verdict counts), and REBUILD, which a full rebuild bumps and every key
    includes. Cached pages are keyed by the counters they read, so they are exact (never served from before a
    committed change) and a grade invalidates only the scopes and the problem it changed."""

    REBUILD = "rebuild"

    name = models.CharField(max_length=100, primary_key=True)
    # Random per row: a database emptied and refilled (tests, a restore) never reuses an old cache key.
    token = models.CharField(max_length=32)
    number = models.BigIntegerField(default=0)

    @staticmethod
    def of_scope(scope: str) -> str:
        return f"scope:{scope}"

    @staticmethod
    def of_problem(problem_id: int) -> str:
        return f"problem:{problem_id}"

    def __str__(self) -> str:
        return f"{self.name}: {self.token}/{self.number}"
