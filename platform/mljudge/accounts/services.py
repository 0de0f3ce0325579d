from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser, Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

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


def _activation_url(*, user: AbstractBaseUser, site_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return site_url + reverse("activate", args=[uid, activation_tokens.make_token(user)])


def signup_request(*, username: str, email: str, password: str, display_name: str, site_url: str) -> None:
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
              link=_activation_url(user=user, site_url=site_url))
        return
    make_password(password)
    if owner.is_active:
        _mail(user=owner, template="accounts/email/already_registered.txt", site_url=site_url,
              login_url=site_url + reverse("login"), reset_url=site_url + reverse("password_reset"))
    else:  # signed up before and never activated: the link again, for the account that exists
        _mail(user=owner, template="accounts/email/activate.txt", site_url=site_url,
              link=_activation_url(user=owner, site_url=site_url))


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
