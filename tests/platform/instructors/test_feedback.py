"""Comments with an unread marker for the submission's author, and score overrides with an audit trail that
the leaderboard reflects."""
import pytest
from django.urls import reverse

from mljudge.core.refusals import Reason
from mljudge.review import services
from mljudge.review.models import ScoreOverride
from mljudge.review.selectors import unread_feedback_ids
from mljudge.submissions.models import Mode, Verdict

pytestmark = pytest.mark.django_db


def test_it_shows_a_comment_to_the_author_with_an_unread_marker_until_opened(client, classroom):
    sub = classroom["subs"]["ann"]
    client.force_login(classroom["ada"])
    body = "Nice, but **vectorise** <img src=x onerror=alert(1)>"
    response = client.post(reverse("review:comment", args=[sub.id]), {"body": body})
    assert response.status_code == 302
    client.force_login(classroom["ann"])
    history = client.get(reverse("submissions:history")).content.decode()
    assert 'data-testid="nav-unread">1<' in history and 'data-testid="unread"' in history
    page = client.get(reverse("submissions:detail", args=[sub.id])).content.decode()
    # HTML in a comment shows as text, never as a tag (issue 10: it used to be filtered instead).
    assert "<strong>vectorise</strong>" in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert 'data-testid="nav-unread"' not in page  # opened: read
    assert 'data-testid="unread"' not in client.get(reverse("submissions:history")).content.decode()
    assert unread_feedback_ids(user=classroom["ann"]) == set()


def test_it_does_not_mark_unread_for_the_authors_own_reply_or_for_others(client, classroom):
    sub = classroom["subs"]["ann"]
    client.force_login(classroom["ann"])
    client.post(reverse("review:comment", args=[sub.id]), {"body": "a question", "next": "own"})
    assert unread_feedback_ids(user=classroom["ann"]) == set()
    services.comment_create(author=classroom["ada"], submission_id=sub.id, body="an answer")
    assert unread_feedback_ids(user=classroom["ann"]) == {sub.id}
    assert unread_feedback_ids(user=classroom["bob"]) == set()
    client.force_login(classroom["ada"])  # the instructor opening the student's page does not mark it read
    client.get(reverse("review:submission", args=[sub.id]))
    assert unread_feedback_ids(user=classroom["ann"]) == {sub.id}


def test_it_refuses_empty_comments_and_comments_by_strangers(client, classroom):
    sub = classroom["subs"]["ann"]
    with pytest.raises(services.ReviewRefused) as empty:
        services.comment_create(author=classroom["ada"], submission_id=sub.id, body="   ")
    assert empty.value.reason == Reason.COMMENT_EMPTY
    client.force_login(classroom["bob"])
    assert client.post(reverse("review:comment", args=[sub.id]), {"body": "copy me"}).status_code == 404
    assert not sub.comments.exists()


def test_it_overrides_a_score_with_an_audit_trail_and_the_leaderboard_follows(client, classroom):
    from mljudge.leaderboards.models import BestResult
    from mljudge.leaderboards.services import best_result_recompute

    sub, ann = classroom["subs"]["ann"], classroom["ann"]
    best_result_recompute(user_id=ann.id, problem_id=sub.problem_id)
    assert BestResult.objects.get(user=ann, problem=sub.problem).best_score == 0.5
    client.force_login(classroom["ada"])
    with pytest.raises(services.ReviewRefused) as unexplained:  # no reason, no override
        services.score_override_set(by=classroom["ada"], submission_id=sub.id, score=0.9, reason=" ")
    assert unexplained.value.reason == Reason.OVERRIDE_UNEXPLAINED
    with pytest.raises(services.ReviewRefused) as nan:
        services.score_override_set(by=classroom["ada"], submission_id=sub.id, score=float("nan"), reason="x")
    assert nan.value.reason == Reason.SCORE_OUT_OF_RANGE
    assert client.post(reverse("review:override", args=[sub.id]), {"score": "junk", "reason": "x"}).status_code == 302
    assert not ScoreOverride.objects.exists()
    client.post(reverse("review:override", args=[sub.id]), {"score": "0.9", "reason": "hidden case was wrong"})
    sub.refresh_from_db()
    assert sub.score_override == 0.9 and sub.score == 0.5
    audit = ScoreOverride.objects.get()
    assert (audit.by, audit.previous, audit.score) == (classroom["ada"], 0.5, 0.9)
    assert audit.reason == "hidden case was wrong"
    assert BestResult.objects.get(user=ann, problem=sub.problem).best_score == 0.9
    client.post(reverse("review:override", args=[sub.id]), {"score": "", "reason": "appeal withdrawn"})
    sub.refresh_from_db()
    assert sub.score_override is None
    assert [(o.previous, o.score) for o in ScoreOverride.objects.order_by("id")] == [(0.5, 0.9), (0.9, None)]
    assert BestResult.objects.get(user=ann, problem=sub.problem).best_score == 0.5
    html = client.get(reverse("review:submission", args=[sub.id])).content.decode()
    assert "hidden case was wrong" in html and "appeal withdrawn" in html


def test_it_refuses_to_override_a_run(classroom, graded_submission):
    run = graded_submission(classroom["ann"], classroom["problem"], mode=Mode.RUN, verdict=Verdict.ACCEPTED)
    with pytest.raises(services.ReviewRefused) as refused:
        services.score_override_set(by=classroom["ada"], submission_id=run.id, score=1.0, reason="x")
    assert refused.value.reason == Reason.RUN_HAS_NO_SCORE
