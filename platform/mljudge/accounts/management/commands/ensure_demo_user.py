from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from mljudge.accounts.services import user_signup


class Command(BaseCommand):
    help = "Creates (or resets the password of) a demo solver account for local runs. Never for production."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="demo")
        parser.add_argument("--password", default="mljudge-demo")

    def handle(self, *args, username: str, password: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            user_signup(username=username, email=f"{username}@example.com", password=password, display_name="Demo")
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        self.stdout.write(f"{username} / {password}")
