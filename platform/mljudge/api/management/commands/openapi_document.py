from django.core.management.base import BaseCommand, CommandError

from mljudge.api.openapi import COMMITTED, document


class Command(BaseCommand):
    help = "Writes the API's OpenAPI document to docs/openapi.json (--check: fail if it is not current)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true")

    def handle(self, *args, check: bool, **options):
        current = document()
        if check:
            if not COMMITTED.exists() or COMMITTED.read_text() != current:
                raise CommandError(f"{COMMITTED} is not current: run `manage.py openapi_document`")
            self.stdout.write(f"{COMMITTED} is current")
            return
        COMMITTED.write_text(current)
        self.stdout.write(f"wrote {COMMITTED}")
