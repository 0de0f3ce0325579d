"""CSV of a cohort's best (effective) score per problem per member."""
import csv
import io

import pytest
from django.urls import reverse

from mljudge.review import services as review_services
from mljudge.submissions.models import Mode, Status, Verdict

pytestmark = pytest.mark.django_db


def test_it_exports_each_members_best_score_per_problem(client, classroom, make_problem, graded_submission,
                                                        make_user, make_cohort):
    ann, bob, toy = classroom["ann"], classroom["bob"], classroom["problem"]
    other = make_problem("other")
    graded_submission(ann, toy, score=0.75, verdict=Verdict.WRONG_ANSWER)
    graded_submission(ann, toy, score=0.25)
    graded_submission(ann, toy, score=1.0, mode=Mode.RUN)           # a run never counts
    graded_submission(bob, other, score=0.0)
    review_services.score_override_set(by=classroom["ada"], submission_id=graded_submission(bob, other, score=0.1).id,
                                       score=0.6, reason="regrade")
    graded_submission(classroom["cyd"], other, score=1.0)           # another cohort's member
    ann.profile.display_name = "=HYPERLINK(\"x\")"
    ann.profile.save()
    client.force_login(classroom["ada"])
    response = client.get(reverse("cohorts:export", args=[classroom["a"].id]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [["username", "display_name", "other", "toy"],
                    ["ann", "'=HYPERLINK(\"x\")", "", "0.75"],
                    ["bob", "", "0.6", "0.5"]]


def test_it_leaves_out_queued_and_failed_submissions(client, classroom, make_submission):
    make_submission(classroom["ann"], classroom["problem"], status=Status.QUEUED, score=None)
    client.force_login(classroom["ada"])
    response = client.get(reverse("cohorts:export", args=[classroom["a"].id]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][:3] == ["ann", "", "0.5"]
