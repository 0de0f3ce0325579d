import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["admin:auth_user_changelist", "admin:problemset_problem_changelist",
                                 "admin:submissions_submission_changelist", "admin:accounts_profile_changelist"])
def test_it_gives_superusers_the_admin_for_users_problems_and_submissions(client, django_user_model, make_problem,
                                                                          make_submission, url):
    admin = django_user_model.objects.create_superuser("root", "root@example.com", "pw-Admin-123")
    problem = make_problem()
    submission = make_submission(admin, problem)
    client.force_login(admin)
    assert client.get(reverse(url)).status_code == 200
    assert client.get(reverse("admin:submissions_submission_change", args=[submission.id])).status_code == 200
    assert client.get(reverse("admin:problemset_problem_change", args=[problem.id])).status_code == 200


def test_it_keeps_solvers_out_of_the_admin(client, make_user):
    client.force_login(make_user())
    response = client.get(reverse("admin:submissions_submission_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response.url
