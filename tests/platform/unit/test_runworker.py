"""The worker roles of docker/compose.yml: every queue a task is sent to has exactly one role, and the sweep
queue has a worker of its own (behind a rejudge backlog the sweep that rescues lost grades would wait)."""
from django.conf import settings

from mljudge.ops.runworker import ROLES, queues_for
from mljudge.ops.selectors import celery_queues


def test_every_queue_has_exactly_one_role_and_the_sweep_is_alone():
    by_role = {role: queues_for(role) for role in ROLES}
    assert by_role["sweep"] == [settings.MLJUDGE_SWEEP_QUEUE]
    assert by_role["grading"] == [settings.CELERY_TASK_DEFAULT_QUEUE]
    served = [q for queues in by_role.values() for q in queues]
    assert sorted(served) == sorted(set(served)), by_role
    assert set(celery_queues()) | {settings.CELERY_TASK_DEFAULT_QUEUE} <= set(served)
    assert {settings.MLJUDGE_REJUDGE_QUEUE, settings.MLJUDGE_WEBHOOK_QUEUE} <= set(by_role["background"])
