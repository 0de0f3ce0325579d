import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_signs_up_a_solver_and_logs_them_in_from_the_activation_link(client):
    # Issue 10: a sign-up no longer logs in at once (that told a registered address from a new one); the
    # mailed link activates the account and logs in.
    response = client.post(reverse("signup"), {
        "username": "ada", "email": "ada@example.com", "display_name": "Ada",
        "password1": "an-Excellent-pass-42", "password2": "an-Excellent-pass-42"})
    assert response.status_code == 302
    user = get_user_model().objects.get(username="ada")
    assert [g.name for g in user.groups.all()] == ["solver"]
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    assert client.post(link).status_code == 302
    assert client.get(reverse("submissions:history")).status_code == 200


def test_it_escapes_a_display_name_with_a_script(client, make_user):
    user = make_user(display_name='<script>alert("pwn")</script>')
    client.force_login(user)
    html = client.get(reverse("problemset:catalogue")).content.decode()
    assert '<script>alert("pwn")' not in html
    assert "&lt;script&gt;alert(&quot;pwn&quot;)&lt;/script&gt;" in html


def test_it_logs_in_and_out_with_post_only(client, make_user):
    make_user("bob", password="pw-Secret-123")
    response = client.post(reverse("login"), {"username": "bob", "password": "pw-Secret-123"})
    assert response.status_code == 302
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert client.get(reverse("submissions:history")).status_code == 302


def test_it_resets_a_password_by_email(client, make_user):
    user = make_user("carol")
    client.post(reverse("password_reset"), {"email": user.email})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url  # Django swaps the token for a session and redirects
    response = client.post(form_url, {"new_password1": "a-Brand-new-pass-9", "new_password2": "a-Brand-new-pass-9"})
    assert response.status_code == 302
    # A real login POST (django-axes needs the request, which Client.login does not pass).
    assert Client().post(reverse("login"), {"username": "carol", "password": "a-Brand-new-pass-9"}).status_code == 302


def test_it_creates_the_four_roles():
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= {"solver", "author", "instructor", "staff"}
    # Instructors see their cohorts' members' submissions only (issue 6, cohorts.selectors); staff see all.
    assert not Group.objects.get(name="instructor").permissions.filter(codename="view_all_submissions").exists()
    assert Group.objects.get(name="staff").permissions.filter(codename="view_all_submissions").exists()
    assert not Group.objects.get(name="solver").permissions.exists()
