"""A cohort invite link followed while logged out survives sign-up and activation (issue 13): the new member
lands on the join step of that cohort."""
from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from mljudge.cohorts.services import cohort_create

pytestmark = pytest.mark.django_db


def test_it_carries_the_invite_through_sign_up_and_activation(client, make_user):
    ada = make_user("ada")
    ada.groups.add(Group.objects.get(name="instructor"))
    cohort = cohort_create(instructor=ada, name="Cohort A")
    join = reverse("cohorts:join", args=[cohort.invite_token])

    login = client.get(join)
    assert login.status_code == 302 and login.url == f"{reverse('login')}?next={quote(join)}"
    html = client.get(login.url).content.decode()
    signup_link = re.search(r'href="([^"]+)" data-testid="signup-link"', html).group(1).replace("&amp;", "&")
    assert signup_link == f"{reverse('signup')}?next={quote(join)}"
    form = client.get(signup_link).content.decode()
    assert f'name="next" value="{join}"' in form
    client.post(signup_link, {"username": "newbie", "email": "newbie@example.com", "next": join,
                              "password1": "an-Excellent-pass-42", "password2": "an-Excellent-pass-42"})
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[-1].body).group(1)
    assert "next=" in link
    response = client.post(link)
    assert response.status_code == 302 and response.url == join
    assert "Cohort A" in client.get(join).content.decode()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_it_never_sends_anyone_off_site(client, target):
    client.post(reverse("signup"), {"username": "newbie", "email": "newbie@example.com", "next": target,
                                    "password1": "an-Excellent-pass-42", "password2": "an-Excellent-pass-42"})
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[-1].body).group(1)
    assert "next=" not in link
    assert client.post(f"{link}?next={quote(target)}").url == reverse("problemset:catalogue")
