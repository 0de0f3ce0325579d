from django.conf import settings
from django.db import models
from django.utils import timezone


class SyncStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


ACTIVE_STATUSES = (SyncStatus.QUEUED, SyncStatus.RUNNING)


class SyncRun(models.Model):
    """One sync of problems/ into the catalogue: requested on the authors' page (run by a Celery task on the
    rejudge queue) or by `manage.py sync_problems` (run in-process). Status moves queued → running → done |
    failed, each step a conditional UPDATE in authoring.services."""

    Status = SyncStatus   # for templates: run.status == run.Status.RUNNING

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")   # None: the command line
    requested_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    progress_at = models.DateTimeField(null=True, blank=True)   # last sign of life of the worker running it
    finished_at = models.DateTimeField(null=True, blank=True)
    root = models.CharField(max_length=500)
    folders = models.JSONField(default=list, blank=True)       # folder names; empty: every folder of root
    sandbox_check = models.BooleanField(default=False)
    draft = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=SyncStatus.choices, default=SyncStatus.QUEUED)
    progress = models.CharField(max_length=200, blank=True)    # "softmax (3/25)"
    report = models.JSONField(null=True, blank=True)           # grading.problems.SyncReport.as_json()
    error = models.TextField(blank=True)

    class Meta:
        constraints = [
            # One active run per site: two syncs at once would race on the same problems. The index is on a
            # constant, so a second queued/running row is an IntegrityError (services.sync_run_request).
            models.UniqueConstraint(models.Value(True), condition=models.Q(status__in=ACTIVE_STATUSES),
                                    name="authoring_one_active_sync_run"),
        ]

    def __str__(self) -> str:
        return f"sync #{self.pk} ({self.status})"

    @property
    def is_final(self) -> bool:
        return self.status not in ACTIVE_STATUSES
