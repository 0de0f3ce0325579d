"""Many worker hosts on one broker and one database, for real: Celery workers in UTS namespaces of their own
(`unshare --uts`, so each has its own hostname, and with it its own process identities and Celery node name),
grading in Docker from the same Redis queue and PostgreSQL database.

1. Each host's problems/ folder holds a different version of one problem: a submission is graded against the
   version it was made against, by either host (grading.versions).
2. One host is SIGKILLed, whole, mid-grade, with a backlog queued: every submission ends graded exactly once
   (counted by a PostgreSQL trigger on the row, not by our own code) with the right verdict, and the dead
   host's row is taken over within the bound grading.states defines (printed)."""
from __future__ import annotations

import subprocess
import time

import docker
import pytest
from django.db import connection
from django.utils import timezone

from mljudge.grading.problems import problems_sync
from mljudge.grading.services import submission_enqueue
from mljudge.problemset.models import Problem
from mljudge.submissions.models import Mode, Status, Submission, Verdict
from mljudge.submissions.services import submission_create

from ..conftest import PROBLEMS, kmeans_or_softmax, unavailable
from ..versions import SENTINEL, SLUG, V1_TESTS, V2_TESTS, graded_tests, version_folders
from .workers import on_host, wait_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.docker, pytest.mark.services]

REAL = kmeans_or_softmax()
REFERENCE = (PROBLEMS / REAL / "reference.py").read_text()
WRONG = sorted((PROBLEMS / REAL / "wrong").glob("*.py"))[0].read_text()
# Sleeps while being imported, in each of its sandboxes (public, hidden): within the CPU limit, a window to
# kill its host in.
SLOW = "import time as _t\n_t.sleep({delay})\n" + REFERENCE
OWNER_LABEL = "org.mljudge.owner"


@pytest.fixture(scope="session")
def uts_namespaces() -> None:
    try:
        subprocess.run(on_host("mljudge-probe", ["true"]), check=True, capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError) as exc:
        unavailable(f"UTS namespaces for worker hosts (unshare --uts needs root): {exc}")


@pytest.fixture
def host_worker(start_worker, uts_namespaces, tmp_path):
    """A worker "host": its own hostname and its own var/ (cache of unpacked problem versions); returned once
    its sandbox pool is warm (its start-up reaper has run). Afterwards, the hosts' sandbox containers are
    removed: no later worker on this machine has their hostnames, so none would reap them."""
    workers, hosts = [], set()

    def start(host: str, **kw):
        env = {"MLJUDGE_VAR_DIR": str(tmp_path / host), "MLJUDGE_SANDBOX_POOL_SIZE": "1", **kw.pop("env", {})}
        worker = start_worker(name=host, host=host, env=env, **kw)
        workers.append(worker)
        hosts.add(host)
        wait_for(lambda: "sandbox pool ready: docker-pool (numpy)" in worker.output(), timeout=90,
                 what=f"{host} to start", worker=worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()
    for container in docker.from_env().containers.list(all=True, filters={"label": OWNER_LABEL}):
        if host_of(container.labels[OWNER_LABEL]) in hosts:
            container.remove(force=True)


@pytest.fixture
def grade_log():
    """Every finish (a row entering `graded`) and every report write, logged by PostgreSQL itself."""
    if connection.vendor != "postgresql":
        unavailable("PostgreSQL (the exactly-once count is a trigger)")
    with connection.cursor() as c:
        c.execute("""
            CREATE TABLE multihost_grade_log (submission_id bigint, what text);
            CREATE FUNCTION multihost_grade_log_row() RETURNS trigger AS $$ BEGIN
                IF NEW.status = 'graded' AND OLD.status <> 'graded' THEN
                    INSERT INTO multihost_grade_log VALUES (NEW.id, 'finish');
                END IF;
                IF NEW.report IS DISTINCT FROM OLD.report THEN
                    INSERT INTO multihost_grade_log VALUES (NEW.id, 'report');
                END IF;
                RETURN NEW;
            END $$ LANGUAGE plpgsql;
            CREATE TRIGGER multihost_grade_log AFTER UPDATE ON submissions_submission
                FOR EACH ROW EXECUTE FUNCTION multihost_grade_log_row();""")

    def counts() -> dict[tuple[int, str], int]:
        with connection.cursor() as c:
            c.execute("SELECT submission_id, what, count(*) FROM multihost_grade_log GROUP BY 1, 2")
            return {(sid, what): n for sid, what, n in c.fetchall()}

    yield counts
    with connection.cursor() as c:
        c.execute("DROP TRIGGER multihost_grade_log ON submissions_submission;"
                  "DROP FUNCTION multihost_grade_log_row(); DROP TABLE multihost_grade_log;")


def final(submission_id: int) -> Submission | None:
    s = Submission.objects.get(id=submission_id)
    return s if s.is_final else None


def host_of(identity: str) -> str:
    return identity.partition(":")[0]


def test_either_host_grades_the_version_a_submission_was_made_against(host_worker, tmp_path, settings, make_user):
    v1, v2 = version_folders(tmp_path / "content")
    settings.MLJUDGE_PROBLEMS_DIR = v1
    problems_sync(root=v1)
    problem = Problem.objects.get(slug=SLUG)
    version_1 = problem.current_version
    user = make_user()
    early = submission_create(user=user, problem=problem, source=SENTINEL, mode=Mode.SUBMIT)
    # Made against version 1 too; its message reaches the broker only later (below).
    late = Submission.objects.create(user=user, problem=problem, problem_version=version_1, mode=Mode.SUBMIT,
                                     source=SENTINEL, queued_at=early.queued_at)
    problems_sync(root=v2)   # version 2 (one more hidden case) is now current
    problem.refresh_from_db()
    current = submission_create(user=make_user(), problem=problem, source=SENTINEL, mode=Mode.SUBMIT)

    # A host whose folder is version 2 grades `early` against version 1 (its bundle), `current` against 2.
    new_host = host_worker("host-v2", env={"MLJUDGE_PROBLEMS_DIR": str(v2)})
    done = {s.id: wait_for(lambda: final(s.id), timeout=120, what=f"#{s.id}", worker=new_host)
            for s in (early, current)}
    new_host.stop()
    # A host whose folder is version 1 grades `late` from its folder, and another submission against version 2
    # from version 2's bundle.
    submission_enqueue(submission_id=late.id)
    newer = submission_create(user=make_user(), problem=problem, source=SENTINEL, mode=Mode.SUBMIT)
    old_host = host_worker("host-v1", env={"MLJUDGE_PROBLEMS_DIR": str(v1)})
    done |= {s.id: wait_for(lambda: final(s.id), timeout=120, what=f"#{s.id}", worker=old_host) for s in (late, newer)}

    for s, host, version, verdict, tests in ((early, "host-v2", 1, Verdict.ACCEPTED, V1_TESTS),
                                             (current, "host-v2", 2, Verdict.WRONG_ANSWER, V2_TESTS),
                                             (late, "host-v1", 1, Verdict.ACCEPTED, V1_TESTS),
                                             (newer, "host-v1", 2, Verdict.WRONG_ANSWER, V2_TESTS)):
        row = done[s.id]
        assert (row.status, host_of(row.claimed_by), row.problem_version.number, row.verdict, graded_tests(row)) \
            == (Status.GRADED, host, version, verdict, tests), s.id
    assert "using its bundle" in new_host.output() and "using its bundle" in old_host.output()
    assert (tmp_path / "host-v2" / "problem-versions" / version_1.content_hash / SLUG / "cases.py").is_file()


def test_a_host_killed_mid_grade_loses_nothing_and_grades_nothing_twice(host_worker, start_worker, synced_problems,
                                                                          make_user, grade_log, settings):
    # Redis would hand the killed host's unacknowledged message back only after an hour: recovery must come
    # from the rules in grading.states (silence past MLJUDGE_STUCK_AFTER_S, applied by the sweeper).
    stuck_after, sweep_every = 8, 1
    env = {"MLJUDGE_VISIBILITY_TIMEOUT_S": "3600", "MLJUDGE_STUCK_AFTER_S": str(stuck_after),
           "MLJUDGE_SWEEP_EVERY_S": str(sweep_every)}
    problem = Problem.objects.get(slug=REAL)
    users = [make_user() for _ in range(4)]

    host_a = host_worker("host-a", env=env)
    doomed = submission_create(user=users[0], problem=problem, source=SLOW.format(delay=4), mode=Mode.SUBMIT)
    wait_for(lambda: Submission.objects.filter(id=doomed.id, status=Status.RUNNING,
                                               claimed_by__startswith="host-a:").exists(),
             timeout=90, what="host-a to claim the slow submission", worker=host_a)
    host_b = host_worker("host-b", env=env)
    # host-b also runs the sweep queue's small worker (with beat), as scripts/run.sh does on a host.
    sweeper = start_worker(name="sweeper-b", host="host-b", sweeper=True, beat=True,
                           env=env)
    # The backlog: slow, right and wrong answers from other users, queued while host-a grades.
    expected = {doomed.id: Verdict.ACCEPTED}
    for user, (source, verdict) in zip(users[1:], [(SLOW.format(delay=2), Verdict.ACCEPTED),
                                                   (REFERENCE, Verdict.ACCEPTED), (WRONG, None)]):
        for _ in range(2):
            expected[submission_create(user=user, problem=problem, source=source, mode=Mode.SUBMIT).id] = verdict
    time.sleep(1.0)
    assert Submission.objects.get(id=doomed.id).status == Status.RUNNING
    leftovers = docker.from_env().containers.list(all=True, filters={"label": OWNER_LABEL})
    host_a_containers = {c.id for c in leftovers if c.labels[OWNER_LABEL].startswith("host-a:")}
    host_a.kill()   # SIGKILL to the whole host's worker: main process and pool process
    killed_at, killed_wall = time.monotonic(), timezone.now()

    rows = {sid: wait_for(lambda: final(sid), timeout=stuck_after + 150, what=f"#{sid}", worker=host_b)
            for sid in expected}
    recovered_after = time.monotonic() - killed_at
    rescued = rows[doomed.id]
    retaken_after = (rescued.started_at - killed_wall).total_seconds()
    print(f"\nhost-a SIGKILLed mid-grade with {len(expected) - 1} submissions queued behind it: host-b re-claimed "
          f"its row {retaken_after:.1f}s later, and every submission was graded {recovered_after:.1f}s after the "
          f"kill (takeover bound: MLJUDGE_STUCK_AFTER_S={stuck_after}s of silence, then the next sweep, every "
          f"{sweep_every}s, on its own queue: host-b's backlog does not delay it)")
    # The bound: the silence, a sweep, and host-b finishing the grade it holds before it takes the row.
    assert stuck_after - 2 <= retaken_after <= stuck_after + 60

    for sid, verdict in expected.items():
        row = rows[sid]
        assert row.status == Status.GRADED and row.verdict != Verdict.SYSTEM_ERROR, sid
        assert row.verdict == verdict if verdict else row.verdict != Verdict.ACCEPTED, (sid, row.verdict)
    assert (rescued.attempts, host_of(rescued.claimed_by)) == (2, "host-b")
    assert {host_of(r.claimed_by) for r in rows.values()} == {"host-b"}  # host-a finished nothing
    # Exactly once, as PostgreSQL saw the row change: one finish and one report per submission.
    time.sleep(2)
    assert grade_log() == {(sid, what): 1 for sid in expected for what in ("finish", "report")}
    assert "sweeper: re-queued" in sweeper.output()

    # host-a comes back (same hostname): its dead predecessor's sandbox containers are removed at start.
    host_worker("host-a", env=env)
    alive = {c.id for c in docker.from_env().containers.list(all=True, filters={"label": OWNER_LABEL})}
    assert host_a_containers and not host_a_containers & alive
