from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mljudge.grading.problems import problems_sync


class Command(BaseCommand):
    help = "Loads every problem folder (default: MLJUDGE_PROBLEMS_DIR) into the catalogue."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=None, help="a problems folder (default: settings)")
        parser.add_argument("--strict", action="store_true", help="exit 1 if any folder is invalid")
        parser.add_argument("--check", action="store_true",
                            help="also run the sandbox check (reference accepted, starter and wrong solutions rejected)")
        parser.add_argument("--draft", action="store_true", help="store as drafts: authors preview, solvers never see")

    def handle(self, *args, path=None, strict=False, check=False, draft=False, **options):
        root = Path(path) if path else settings.MLJUDGE_PROBLEMS_DIR
        report = problems_sync(root=root, sandbox_check=check, draft=draft)
        for slug, outcome in sorted(report.outcomes.items()):
            queued = report.rejudged.get(slug)
            self.stdout.write(f"{slug}: {outcome}" + (f" ({queued} submission(s) queued for rejudging)" if queued else ""))
        for name, errors in sorted(report.invalid.items()):
            self.stderr.write(self.style.ERROR(f"{name}: INVALID, not loaded (the stored version, if any, is kept)"))
            for error in errors:
                self.stderr.write(f"    {error}")
        self.stdout.write(f"{len(report.outcomes)} problem(s) synced, {len(report.invalid)} invalid")
        if strict and report.invalid:
            raise CommandError("some problem folders are invalid")
