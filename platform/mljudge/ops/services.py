"""Writes of the ops app: worker heartbeats."""
from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models.functions import Now

from .models import WorkerBeat


def worker_beat_record(*, name: str, host: str, pid: int, queues: list[str]) -> None:
    """This worker is alive now, by the database's clock (Now(), not this host's)."""
    fields = {"host": host, "pid": pid, "queues": queues, "beat_at": Now()}
    if WorkerBeat.objects.filter(name=name, pid=pid).update(**fields):
        return
    # First beat of this process (or the name was last used by a process that died): its start is now.
    try:
        with transaction.atomic():
            if not WorkerBeat.objects.filter(name=name).update(started_at=Now(), **fields):
                WorkerBeat.objects.create(name=name, started_at=Now(), **fields)
    except IntegrityError:
        pass  # another process of the same name beat first; the next beat updates


def worker_beat_forget(*, name: str, pid: int) -> None:
    """A clean shutdown: the worker is gone, not dead."""
    WorkerBeat.objects.filter(name=name, pid=pid).delete()
