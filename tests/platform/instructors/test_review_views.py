"""The review dashboard (filters, sorting, pages) and a submission's review page (code, diff)."""
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mljudge.submissions.models import Mode, Submission, Verdict

pytestmark = pytest.mark.django_db


def ids(response):
    return [s.id for s in response.context["page"]]


def test_it_filters_by_cohort_problem_user_verdict_and_date(client, classroom, make_problem, graded_submission,
                                                            make_cohort):
    ada, ann = classroom["ada"], classroom["ann"]
    other = make_problem("other")
    accepted = graded_submission(ann, other, verdict=Verdict.ACCEPTED, score=1.0)
    old = classroom["subs"]["bob"]
    Submission.objects.filter(id=old.id).update(created_at=timezone.now() - timedelta(days=10))
    second = make_cohort(ada, "Second", [classroom["cyd"]])  # ada now also teaches cyd
    client.force_login(ada)
    url = reverse("review:dashboard")
    assert set(ids(client.get(url))) == {accepted.id, old.id, classroom["subs"]["ann"].id, classroom["subs"]["cyd"].id}
    assert ids(client.get(url, {"cohort": second.id})) == [classroom["subs"]["cyd"].id]
    assert ids(client.get(url, {"problem": "other"})) == [accepted.id]
    assert set(ids(client.get(url, {"user": "ANN"}))) == {accepted.id, classroom["subs"]["ann"].id}
    assert ids(client.get(url, {"verdict": "accepted"})) == [accepted.id]
    since = (timezone.now() - timedelta(days=2)).date().isoformat()
    assert old.id not in ids(client.get(url, {"from": since}))
    assert ids(client.get(url, {"to": since})) == [old.id]
    assert client.get(url, {"from": "not-a-date", "sort": "';drop"}).status_code == 200  # junk is ignored


def test_it_sorts_and_paginates(client, classroom, graded_submission):
    ann, problem = classroom["ann"], classroom["problem"]
    for i in range(55):
        graded_submission(ann, problem, score=i / 100)
    client.force_login(classroom["ada"])
    url = reverse("review:dashboard")
    first = client.get(url, {"sort": "-score", "user": "ann"})
    assert len(first.context["page"]) == 50 and first.context["page"].paginator.num_pages == 2
    scores = [s.score for s in first.context["page"]]
    assert scores == sorted(scores, reverse=True) and scores[0] == 0.54
    assert "page=2" in first.content.decode() and "sort=-score" in first.content.decode()
    ascending = [s.score for s in client.get(url, {"sort": "score", "user": "ann"}).context["page"]]
    assert ascending[0] == 0.0


def test_it_shows_highlighted_code_and_a_sanitised_diff_against_the_previous_attempt(client, classroom,
                                                                                     graded_submission):
    ann, problem = classroom["ann"], classroom["problem"]
    first = classroom["subs"]["ann"]
    graded_submission(classroom["bob"], problem, source="def f(x):\n    return 'BOBS'\n")  # another user's
    second = graded_submission(ann, problem, source="def f(x):\n    return '<script>alert(1)</script>'\n")
    client.force_login(classroom["ada"])
    response = client.get(reverse("review:submission", args=[second.id]))
    html = response.content.decode()
    assert response.context["previous"].id == first.id
    # The code panel holds the source highlighted by Pygments (token spans), its string escaped, not run.
    assert """<span class="k">return</span> <span class="s1">'&lt;script&gt;alert(1)&lt;/script&gt;'</span>""" in html
    assert '<span class="diff-del">-    return &#x27;CODE-OF-ann&#x27;</span>' in html
    assert "diff-add" in html and "<script>alert(1)</script>" not in html and "BOBS" not in html
    html = client.get(reverse("review:submission", args=[first.id])).content.decode()
    assert "This is the first attempt." in html


def test_it_diffs_design_answers_only_against_design_answers(classroom, make_problem, make_submission):
    from mljudge.review.selectors import previous_attempt
    from mljudge.submissions.models import Status

    design = make_problem("feed", kind="design")
    a = make_submission(classroom["ann"], design, mode=Mode.DESIGN, status=Status.AWAITING_REVIEW, source="v1")
    b = make_submission(classroom["ann"], design, mode=Mode.DESIGN, status=Status.AWAITING_REVIEW, source="v2")
    ada = classroom["ada"]
    assert previous_attempt(viewer=ada, submission=b) == a and previous_attempt(viewer=ada, submission=a) is None
