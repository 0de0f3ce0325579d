"""One table decides the HTTP status of every refusal (core/refusals.py): services raise a reason, views answer
with its status, the front end swaps every one of them into the panel, and nothing reads a message to decide."""
from __future__ import annotations

import re

import pytest
from django.urls import reverse

from mljudge.cohorts import services as cohort_services
from mljudge.core.refusals import STATUS, Reason, Refused
from mljudge.grading.api import SourceRejected, source_check
from mljudge.review import services as review_services
from mljudge.submissions.services import SubmissionRefused

from ..conftest import ROOT

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_every_reason_has_a_status_and_every_refusal_type_is_one():
    assert set(STATUS) == set(Reason)
    for kind in (SubmissionRefused, SourceRejected, review_services.ReviewRefused, cohort_services.CohortRefused):
        assert issubclass(kind, Refused)


def test_the_front_end_swaps_every_refusal_status_into_the_panel():
    main = (ROOT / "platform" / "frontend" / "src" / "main.js").read_text()
    swapped = re.search(r'code: "(4[^"]*)", swap: true, error: false', main).group(1)
    for status in STATUS.values():
        assert re.fullmatch(swapped, str(int(status))), f"main.js does not swap {int(status)} into the panel"


def test_no_platform_code_decides_by_reading_a_message():
    offenders = [f"{path.relative_to(ROOT)}:{n}" for path in (ROOT / "platform" / "mljudge").rglob("*.py")
                 for n, line in enumerate(path.read_text().splitlines(), 1) if re.search(r"in str\(exc\)", line)]
    assert offenders == []


def test_code_over_the_limit_is_too_large_and_other_bad_code_is_invalid():
    with pytest.raises(SourceRejected) as big:
        source_check(b"x" * (1 << 20))
    with pytest.raises(SourceRejected) as nul:
        source_check(b"x = 1\x00")
    assert (big.value.reason, big.value.status) == (Reason.TOO_LARGE, 413)
    assert (nul.value.reason, nul.value.status) == (Reason.INVALID, 400)


@pytest.mark.django_db
def test_code_sent_to_a_design_problem_is_invalid_not_too_many(client, make_user, make_problem, grade_delay):
    client.force_login(make_user())
    design = make_problem("feed-design", kind="design")
    response = client.post(reverse("submissions:submit", args=[design.slug]), {"source": "x = 1\n"}, **HTMX)
    assert response.status_code == 400 and "does not take code" in response.content.decode()
    draft = client.post(reverse("submissions:draft", args=[design.slug]), {"source": "x = 1\n"})
    assert draft.status_code == 400 and "does not take code" in draft.content.decode()


@pytest.mark.django_db
def test_a_state_that_does_not_allow_it_now_is_a_conflict(make_user, make_problem):
    from django.contrib.auth.models import Group

    ada = make_user("ada")
    ada.groups.add(Group.objects.get(name="instructor"))
    cohort = cohort_services.cohort_create(instructor=ada, name="ML 101")
    with pytest.raises(cohort_services.CohortRefused) as last:
        cohort_services.membership_leave(user=ada, cohort_id=cohort.id)
    assert (last.value.reason, last.value.status) == (Reason.CONFLICT, 409)
    with pytest.raises(cohort_services.CohortRefused) as unnamed:
        cohort_services.cohort_create(instructor=ada, name="  ")
    assert unnamed.value.status == 400


@pytest.mark.django_db
def test_an_over_long_comment_is_too_large(make_user, make_problem, make_submission):
    author = make_user()
    submission = make_submission(author, make_problem())
    with pytest.raises(review_services.ReviewRefused) as long:
        review_services.comment_create(author=author, submission_id=submission.id,
                                       body="x" * (review_services.MAX_COMMENT + 1))
    assert long.value.status == 413
