"""manage.py grant_role: makes a user an instructor or an author through the existing groups, and back."""
from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from mljudge.authoring.selectors import is_author
from mljudge.cohorts.selectors import can_create_cohorts as is_instructor

pytestmark = pytest.mark.django_db


def grant(*args) -> str:
    out = StringIO()
    call_command("grant_role", *args, stdout=out)
    return out.getvalue().strip()


def test_it_grants_and_revokes_the_instructor_role(make_user):
    ann = make_user("ann")
    assert not is_instructor(user=ann)
    assert grant("ann", "instructor") == "ann is now an instructor"
    assert is_instructor(user=ann)   # may create cohorts (and then review their members)
    assert grant("ann", "instructor") == "ann is now an instructor (unchanged)"
    assert grant("ann", "instructor", "--revoke") == "ann is no longer an instructor"
    assert not is_instructor(user=ann)
    assert ann.groups.filter(name="solver").exists()   # the other roles stay


def test_it_grants_the_author_role(make_user):
    bob = make_user("bob")
    assert grant("bob", "author") == "bob is now an author"
    assert is_author(user=bob)


def test_it_refuses_unknown_users_and_roles(make_user):
    make_user("ann")
    with pytest.raises(CommandError, match="no user named 'nobody'"):
        grant("nobody", "author")
    with pytest.raises(CommandError):
        grant("ann", "staff")   # staff is is_staff, given by a superuser in the admin
