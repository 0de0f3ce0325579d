"""A worker grades the problem version a submission was made against, whatever its own problems/ folder holds
(grading.versions): from the folder when it is that version, else from the version's bundle in the database,
else it hands the row back, unblamed. In-process with the local sandbox; the real workers, Redis and Docker:
tests/platform/pipeline/test_multihost.py."""
import io
import logging
import tarfile
from unittest import mock

import pytest

from mljudge.grading import rejudge, services, states, versions
from mljudge.grading.problems import problems_sync
from mljudge.problemset.models import Problem, ProblemBundle
from mljudge.submissions.models import Status, Submission, Verdict

from ..versions import SENTINEL, SLUG, V1_TESTS, V2_TESTS, graded_tests, version_folders

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh(settings, tmp_path, local_pool):
    """A private cache directory, no version loaded yet, and the local sandbox for grading and rejudging."""
    settings.VAR_DIR = tmp_path / "var"
    versions._local.clear()
    versions._pinned.clear()
    with mock.patch.object(services, "sandbox_pool", return_value=local_pool), \
            mock.patch.object(rejudge, "sandbox_pool", return_value=local_pool):
        yield
    versions._local.clear()
    versions._pinned.clear()


@pytest.fixture
def two_versions(tmp_path, settings, make_user, make_submission):
    """Version 1 synced and a submission made against it; then version 2 synced (current)."""
    v1, v2 = version_folders(tmp_path)
    settings.MLJUDGE_PROBLEMS_DIR = v1
    problems_sync(root=v1)
    problem = Problem.objects.get(slug=SLUG)
    submission = make_submission(make_user(), problem, source=SENTINEL)
    problems_sync(root=v2)
    problem.refresh_from_db()
    assert problem.current_version.number == 2 and submission.problem_version.number == 1
    return v1, v2, submission


def grade(submission) -> Submission:
    """Grades the one queued row (the fair queue picks whichever is first) and returns it."""
    assert services.submission_grade(submission_id=submission.id) is services.Outcome.GRADED
    done = Submission.objects.get(id=submission.id)
    assert done.status == Status.GRADED
    return done


def resubmitted(submission) -> Submission:
    """The same code submitted again against the same version (a copy of the row, queued)."""
    copy = Submission.objects.get(id=submission.id)
    copy.pk, copy.status, copy.attempts, copy.report, copy.verdict = None, Status.QUEUED, 0, None, ""
    copy.save()
    return copy


def test_a_bundle_holds_the_grading_files_only_and_the_same_files_give_the_same_bytes(tmp_path):
    v1, _ = version_folders(tmp_path)
    data = versions.bundle_pack(v1 / SLUG)
    assert data == versions.bundle_pack(v1 / SLUG)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        assert sorted(tar.getnames()) == ["cases.py", "problem.toml", "reference.py", "starter.py", "statement.md"]


@pytest.mark.parametrize("member", ["../escape.py", "wrong/abs_sum.py", "notes.txt"])
def test_it_refuses_to_unpack_anything_but_grading_files(tmp_path, member):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        info = tarfile.TarInfo(member)
        info.size = 1
        tar.addfile(info, io.BytesIO(b"x"))
    with pytest.raises(ValueError, match="unexpected bundle member"):
        versions.bundle_unpack(buf.getvalue(), tmp_path / "out")
    with pytest.raises(ValueError, match="unreadable bundle"):
        versions.bundle_unpack(b"not a tar", tmp_path / "out2")
    assert not (tmp_path / "escape.py").exists()


def test_a_sync_stores_one_bundle_per_version_and_fills_in_a_missing_one(two_versions):
    problem = Problem.objects.get(slug=SLUG)
    hashes = set(problem.versions.values_list("content_hash", flat=True))
    assert set(ProblemBundle.objects.values_list("content_hash", flat=True)) == hashes and len(hashes) == 2
    # A version synced before bundles were stored gets one at its next sync.
    ProblemBundle.objects.all().delete()
    _, v2, _ = two_versions
    assert problems_sync(root=v2).outcomes[SLUG] == "unchanged"
    assert list(ProblemBundle.objects.values_list("content_hash", flat=True)) == [problem.current_version.content_hash]


def test_it_grades_the_version_the_submission_was_made_against_from_either_folder(two_versions, settings):
    v1, v2, submission = two_versions
    # This host's folder is version 2: version 1 comes from its bundle.
    settings.MLJUDGE_PROBLEMS_DIR = v2
    done = grade(submission)
    assert (done.verdict, graded_tests(done), done.problem_version.number) == (Verdict.ACCEPTED, V1_TESTS, 1)
    assert (settings.VAR_DIR / "problem-versions" / submission.problem_version.content_hash / SLUG).is_dir()
    # A host with no folder of the problem at all grades it from the bundle too.
    settings.MLJUDGE_PROBLEMS_DIR = v1.parent / "empty"
    versions._pinned.clear()
    again = grade(resubmitted(submission))
    assert (again.verdict, graded_tests(again)) == (Verdict.ACCEPTED, V1_TESTS)


def test_a_submission_against_the_current_version_is_graded_on_a_host_with_the_old_folder(
        two_versions, settings, make_user, make_submission):
    v1, _, made_against_v1 = two_versions
    made_against_v1.delete()
    settings.MLJUDGE_PROBLEMS_DIR = v1
    current = make_submission(make_user(), Problem.objects.get(slug=SLUG), source=SENTINEL)
    done = grade(current)
    assert (done.verdict, graded_tests(done)) == (Verdict.WRONG_ANSWER, V2_TESTS)


def test_it_hands_the_row_back_unblamed_when_no_bundle_exists(two_versions, settings, caplog):
    v1, v2, submission = two_versions
    ProblemBundle.objects.filter(content_hash=submission.problem_version.content_hash).delete()
    settings.MLJUDGE_PROBLEMS_DIR = v2
    logger = logging.getLogger("mljudge")  # does not propagate to the root logger (settings.LOGGING)
    logger.addHandler(caplog.handler)
    try:
        with pytest.raises(services.HandedBack):
            services.submission_grade(submission_id=submission.id)
    finally:
        logger.removeHandler(caplog.handler)
    row = Submission.objects.get(id=submission.id)
    assert (row.status, row.verdict, row.attempts, row.claimed_by, row.message) == (Status.QUEUED, "", 0, "", "")
    assert f"submission {submission.id}: handed back to the queue" in caplog.text
    assert "no bundle in the database" in caplog.text
    # Handed back as often as it takes, it never uses up its attempts into a system error...
    for _ in range(5):
        with pytest.raises(services.HandedBack):
            services.submission_grade(submission_id=submission.id)
    # ...and a host whose folder is that version grades it.
    settings.MLJUDGE_PROBLEMS_DIR = v1
    done = grade(submission)
    assert (done.verdict, done.attempts, graded_tests(done)) == (Verdict.ACCEPTED, 1, V1_TESTS)


def test_a_version_no_host_can_grade_ends_as_a_system_error_after_max_sends(two_versions, settings):
    """Handed back without end, the row would stay queued for ever: after MLJUDGE_MAX_SENDS messages it ends as
    our failure, said so, never a user verdict."""
    _, v2, submission = two_versions
    ProblemBundle.objects.filter(content_hash=submission.problem_version.content_hash).delete()
    settings.MLJUDGE_PROBLEMS_DIR = v2
    settings.MLJUDGE_MAX_SENDS = 4
    for _ in range(settings.MLJUDGE_MAX_SENDS - Submission.objects.get(id=submission.id).sends):
        with pytest.raises(services.HandedBack):
            services.submission_grade(submission_id=submission.id)
    assert services.submission_grade(submission_id=submission.id) is services.Outcome.FAILED
    row = Submission.objects.get(id=submission.id)
    assert (row.status, row.verdict) == (Status.SYSTEM_ERROR, Verdict.SYSTEM_ERROR)
    assert "no worker host can grade this problem version" in row.message


def test_a_tampered_bundle_is_handed_back_not_graded(two_versions, settings):
    _, v2, submission = two_versions
    ProblemBundle.objects.filter(content_hash=submission.problem_version.content_hash).update(
        data=versions.bundle_pack(v2 / SLUG))  # version 2's files under version 1's name
    settings.MLJUDGE_PROBLEMS_DIR = v2
    with pytest.raises(services.HandedBack):
        services.submission_grade(submission_id=submission.id)
    assert Submission.objects.get(id=submission.id).status == Status.QUEUED
    assert not (settings.VAR_DIR / "problem-versions" / submission.problem_version.content_hash).exists()


def test_a_rejudge_grades_against_the_current_version_even_on_a_host_with_the_old_folder(two_versions, settings):
    v1, _, submission = two_versions
    settings.MLJUDGE_PROBLEMS_DIR = v1
    assert grade(submission).verdict == Verdict.ACCEPTED
    assert rejudge.submission_rejudge(submission_id=submission.id) is services.Outcome.GRADED
    done = Submission.objects.get(id=submission.id)
    assert (done.verdict, graded_tests(done)) == (Verdict.WRONG_ANSWER, V2_TESTS)
    assert done.problem_version_id == Problem.objects.get(slug=SLUG).current_version_id


def test_the_cache_of_unpacked_versions_is_bounded(two_versions, settings, monkeypatch):
    _, _, submission = two_versions
    monkeypatch.setattr(versions, "CACHE_VERSIONS", 1)
    problem = Problem.objects.get(slug=SLUG)
    settings.MLJUDGE_PROBLEMS_DIR = settings.VAR_DIR / "no-folders"
    for version in problem.versions.order_by("number"):
        versions.grading_problem(slug=SLUG, content_hash=version.content_hash)
    entries = [p.name for p in (settings.VAR_DIR / "problem-versions").iterdir()]
    assert entries == [problem.current_version.content_hash]


def test_a_hand_back_does_not_touch_a_row_held_by_another_claim(two_versions):
    _, _, submission = two_versions
    claim = states.submission_claim(submission_id=submission.id)
    Submission.objects.filter(id=submission.id).update(attempts=5)  # taken over meanwhile
    assert states.submission_hand_back(claim=claim) is False
    assert Submission.objects.get(id=submission.id).status == Status.RUNNING
