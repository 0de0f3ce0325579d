"""Design answers graded against the problem folder's rubric; the student sees the grading only once published."""
import pytest
from django.urls import reverse

from mljudge.grading.api import problem_rubric
from mljudge.grading.problems import problems_sync
from mljudge.review import services
from mljudge.submissions.models import Mode, Status

from ..conftest import PROBLEMS

pytestmark = pytest.mark.django_db


@pytest.fixture
def design_answer(settings, classroom, make_submission):
    settings.MLJUDGE_PROBLEMS_DIR = PROBLEMS
    problems_sync(root=PROBLEMS / "recsys-design")
    from mljudge.problemset.models import Problem

    problem = Problem.objects.get(slug="recsys-design")
    return make_submission(classroom["ann"], problem, mode=Mode.DESIGN, status=Status.AWAITING_REVIEW,
                           source="# Two stages\n\nRetrieval then ranking.")


def post_grades(client, submission, rubric, *, publish=False, comment="GOOD-FRAMING"):
    data = {f"points-{i}": str(c["points"] / 2) for i, c in enumerate(rubric)}
    data.update({f"comment-{i}": comment if i == 0 else "" for i in range(len(rubric))})
    if publish:
        data["publish"] = "1"
    return client.post(reverse("review:rubric", args=[submission.id]), data)


def test_it_shows_the_graded_rubric_to_the_student_only_once_published(client, classroom, design_answer):
    rubric = problem_rubric(folder=PROBLEMS / "recsys-design")
    assert len(rubric) >= 3 and all(c["points"] > 0 for c in rubric)
    client.force_login(classroom["ada"])
    html = client.get(reverse("review:submission", args=[design_answer.id])).content.decode()
    assert rubric[0]["name"] in html
    post_grades(client, design_answer, rubric)
    design_answer.refresh_from_db()
    assert design_answer.status == Status.AWAITING_REVIEW and design_answer.rubric_grade.published_at is None

    client.force_login(classroom["ann"])
    html = client.get(reverse("submissions:detail", args=[design_answer.id])).content.decode()
    assert "GOOD-FRAMING" not in html and 'data-testid="published-rubric"' not in html

    client.force_login(classroom["ada"])
    post_grades(client, design_answer, rubric, publish=True)
    design_answer.refresh_from_db()
    assert design_answer.status == Status.GRADED and design_answer.score == pytest.approx(0.5)

    client.force_login(classroom["ann"])
    assert 'data-testid="nav-unread">1<' in client.get(reverse("submissions:history")).content.decode()
    html = client.get(reverse("submissions:detail", args=[design_answer.id])).content.decode()
    assert "GOOD-FRAMING" in html and 'data-testid="published-rubric"' in html and rubric[0]["name"] in html


def test_it_refuses_points_outside_a_criterions_range(classroom, design_answer):
    rubric = problem_rubric(folder=PROBLEMS / "recsys-design")
    points = [c["points"] for c in rubric]
    points[0] = rubric[0]["points"] + 1
    with pytest.raises(services.ReviewRefused):
        services.rubric_grade_save(by=classroom["ada"], submission_id=design_answer.id, rubric=rubric,
                                   points=points, comments=[""] * len(rubric))
    with pytest.raises(services.ReviewRefused):  # publishing before grading
        services.rubric_grade_publish(by=classroom["ada"], submission_id=design_answer.id)
    with pytest.raises(services.ReviewRefused):  # a code submission has no rubric
        services.rubric_grade_save(by=classroom["ada"], submission_id=classroom["subs"]["ann"].id, rubric=rubric,
                                   points=[0] * len(rubric), comments=[""] * len(rubric))
