from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction

from .models import Profile, Role


@transaction.atomic
def user_signup(*, username: str, email: str, password: str, display_name: str = "") -> AbstractBaseUser:
    user = get_user_model().objects.create_user(username=username, email=email, password=password)
    Profile.objects.create(user=user, display_name=display_name.strip())
    user.groups.add(Group.objects.get_or_create(name=Role.SOLVER)[0])
    return user
