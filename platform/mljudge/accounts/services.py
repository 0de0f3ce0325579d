from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser, Group
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import ProtectedError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from mljudge.leaderboards.services import user_pages_invalidate

from .models import Profile, Role
from .tokens import activation_tokens


@transaction.atomic
def user_signup(*, username: str, email: str, password: str, display_name: str = "",
                active: bool = True) -> AbstractBaseUser:
    user = get_user_model().objects.create_user(username=username, email=email, password=password,
                                                is_active=active)
    Profile.objects.create(user=user, display_name=display_name.strip())
    user.groups.add(Group.objects.get_or_create(name=Role.SOLVER)[0])
    return user


def _mail(*, user: AbstractBaseUser, template: str, site_url: str, **context) -> None:
    context = {"user": user, "site_url": site_url, "valid_days": settings.PASSWORD_RESET_TIMEOUT // 86400, **context}
    subject, _, body = render_to_string(template, context).partition("\n")
    send_mail(subject.strip(), body.lstrip("\n"), settings.DEFAULT_FROM_EMAIL, [user.email])


def _activation_url(*, user: AbstractBaseUser, site_url: str, next_url: str = "") -> str:
    """The link in the mail; `next_url` (a path on this site, checked by the view) is where activating leads,
    so a cohort invite followed while logged out survives the sign-up."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = site_url + reverse("activate", args=[uid, activation_tokens.make_token(user)])
    return f"{link}?{urlencode({'next': next_url})}" if next_url else link


def signup_request(*, username: str, email: str, password: str, display_name: str, site_url: str,
                   next_url: str = "") -> None:
    """A sign-up answers the same whether or not the address is registered (no account enumeration): a new
    address gets an inactive account and an activation link; a registered one gets a note to its owner
    ("someone tried to sign up with this address") and nothing is created. The password is hashed in both
    cases, so the two take the same time too. The username was checked free by the form (usernames are
    public). site_url: scheme and host the links point at."""
    owner = get_user_model().objects.filter(email__iexact=email).order_by("id").first()
    if owner is None:
        user = user_signup(username=username, email=email, password=password, display_name=display_name,
                           active=False)
        _mail(user=user, template="accounts/email/activate.txt", site_url=site_url,
              link=_activation_url(user=user, site_url=site_url, next_url=next_url))
        return
    make_password(password)
    if owner.is_active:
        _mail(user=owner, template="accounts/email/already_registered.txt", site_url=site_url,
              login_url=site_url + reverse("login"), reset_url=site_url + reverse("password_reset"))
    else:  # signed up before and never activated: the link again, for the account that exists
        _mail(user=owner, template="accounts/email/activate.txt", site_url=site_url,
              link=_activation_url(user=owner, site_url=site_url, next_url=next_url))


def account_for_activation(*, uidb64: str, token: str) -> AbstractBaseUser | None:
    """The inactive account an activation link names, if the link is genuine and unused."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    user = get_user_model().objects.filter(pk=pk, is_active=False).first()
    return user if user is not None and activation_tokens.check_token(user, token) else None


def account_activate(*, uidb64: str, token: str) -> AbstractBaseUser | None:
    user = account_for_activation(uidb64=uidb64, token=token)
    if user is None or get_user_model().objects.filter(pk=user.pk, is_active=False).update(is_active=True) != 1:
        return None
    user.is_active = True
    return user


def display_name_set(*, user: AbstractBaseUser, display_name: str) -> Profile:
    """The name pages show beside the @username (checked by forms.display_name_checked). Cached leaderboard
    pages that show the old one are invalidated in the same transaction."""
    with transaction.atomic():
        profile, _ = Profile.objects.update_or_create(user=user, defaults={"display_name": display_name.strip()})
        user_pages_invalidate(user_id=user.pk)
    return profile


class AccountInUse(Exception):
    """The account is named in records about other people (grades, score overrides, cohorts it created), which
    must keep saying who did what: an administrator deactivates it instead."""


def account_delete(*, user: AbstractBaseUser) -> None:
    """Deletes the account and everything that is only about it: its profile, submissions (code, answers,
    reports), drafts, leaderboard results and standings (the leaderboards close up; their cached pages are
    invalidated), API tokens and webhooks, cohort memberships, comments it wrote and the log of who read its
    code. The caller checked the password. AccountInUse if other people's records name it."""
    try:
        with transaction.atomic():
            user_pages_invalidate(user_id=user.pk)
            user.delete()
    except ProtectedError as exc:
        raise AccountInUse(str(exc)) from None


GRANTABLE = (Role.INSTRUCTOR, Role.AUTHOR)   # staff is Django's is_staff, given in the admin by a superuser


def role_grant(*, user: AbstractBaseUser, role: Role, revoke: bool = False) -> bool:
    """Adds the user to the role's group (its permissions come from the migration that made the groups), or
    removes them with revoke. True if anything changed. What a role opens is asked of the group where it is
    used: instructor (creating cohorts, reviewing their members: cohorts.selectors, review), author (the
    authoring pages: authoring.selectors.is_author)."""
    if role not in GRANTABLE:
        raise ValueError(f"only {', '.join(GRANTABLE)} can be granted, not {role!r}")
    group = Group.objects.get_or_create(name=role)[0]
    had = user.groups.filter(pk=group.pk).exists()
    if revoke:
        user.groups.remove(group)
    else:
        user.groups.add(group)
    return had == revoke
