from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    """Django groups, created by a data migration. Signing up makes you a solver."""

    SOLVER = "solver"
    AUTHOR = "author"
    INSTRUCTOR = "instructor"
    STAFF = "staff"


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    display_name = models.CharField(max_length=60, blank=True)

    def __str__(self) -> str:
        return self.display_name or self.user.get_username()
