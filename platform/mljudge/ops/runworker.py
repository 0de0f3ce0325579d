"""`python -m mljudge.ops.runworker ROLE [celery worker options…]`: a Celery worker of one role, its queues taken
from the settings, so that docker/compose.yml and docs/deploy.md name roles, never queue lists.

  grading     the default queue (new runs and submissions): one warm sandbox pool per process
  background  every other queue our tasks are sent to (ops.selectors.celery_queues: rejudges and problem syncs,
              webhooks, and any queue a beat entry or a route names) except the sweep queue
  sweep       the sweep queue alone (settings.MLJUDGE_SWEEP_QUEUE), solo pool: a rejudge backlog on the
              background worker must not delay the sweep that rescues lost grades, so it never shares a worker

grading and background build sandboxes (rejudges and sync checks run code), so both need a Docker engine;
sweep never does."""
from __future__ import annotations

import os
import sys

ROLES = ("grading", "background", "sweep")


def queues_for(role: str) -> list[str]:
    from django.conf import settings

    from .selectors import celery_queues

    grading, sweep = settings.CELERY_TASK_DEFAULT_QUEUE, settings.MLJUDGE_SWEEP_QUEUE
    if role == "sweep":
        return [sweep]
    return [grading] if role == "grading" else [q for q in celery_queues() if q not in (grading, sweep)]


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in ROLES:
        sys.exit(f"usage: python -m mljudge.ops.runworker {{{','.join(ROLES)}}} [celery worker options]")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mljudge.config.settings.dev")
    import django

    django.setup()
    role, rest = argv[0], argv[1:]
    command = [sys.executable, "-m", "celery", "-A", "mljudge.config", "worker", "-Q", ",".join(queues_for(role)),
               "-n", f"{role}@%h", *rest]
    print(" ".join(command), flush=True)
    os.execv(sys.executable, command)


if __name__ == "__main__":
    main(sys.argv[1:])
