from django.contrib.auth.models import AbstractBaseUser


def display_name_for(*, user: AbstractBaseUser) -> str:
    profile = getattr(user, "profile", None)
    return (profile.display_name if profile else "") or user.get_username()
