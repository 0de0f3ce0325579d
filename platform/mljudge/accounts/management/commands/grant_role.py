from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from mljudge.accounts.models import Role
from mljudge.accounts.services import GRANTABLE, role_grant


class Command(BaseCommand):
    help = "Makes a user an instructor or an author (their Django group), or takes the role back with --revoke."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=[str(r) for r in GRANTABLE])
        parser.add_argument("--revoke", action="store_true", help="remove the role instead of granting it")

    def handle(self, *args, username: str, role: str, revoke: bool, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user named {username!r}")
        changed = role_grant(user=user, role=Role(role), revoke=revoke)
        did = ("no longer" if revoke else "now") + f" {'an' if role[0] in 'aeiou' else 'a'} {role}"
        self.stdout.write(f"{username} is {did}" + ("" if changed else " (unchanged)"))
