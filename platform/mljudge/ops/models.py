from django.db import models


class WorkerBeat(models.Model):
    """A Celery worker's last sign of life, written by its main process every MLJUDGE_WORKER_BEAT_S seconds
    (ops.worker) with the DATABASE's clock, so that hosts with skewed clocks compare alike. A clean shutdown
    deletes the row; a worker that died keeps its last beat, which is how a dead host shows."""

    name = models.CharField(max_length=200, unique=True)   # Celery's node name, e.g. grading@host-1
    host = models.CharField(max_length=200)
    pid = models.PositiveIntegerField()
    queues = models.JSONField(default=list)
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
