from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mljudge.authoring.models import SyncStatus
from mljudge.authoring.services import sync_run_execute, sync_run_request


class Command(BaseCommand):
    help = ("Loads every problem folder (default: MLJUDGE_PROBLEMS_DIR) into the catalogue, here and now (the "
            "authors' page queues the same sync for a worker). Recorded in the sync history like the page's.")

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=None, help="a problems folder (default: settings)")
        parser.add_argument("--strict", action="store_true", help="exit 1 if any folder is invalid")
        parser.add_argument("--check", action="store_true",
                            help="also run the sandbox check (reference accepted, starter and wrong solutions rejected)")
        parser.add_argument("--draft", action="store_true", help="store as drafts: authors preview, solvers never see")

    def handle(self, *args, path=None, strict=False, check=False, draft=False, **options):
        root = Path(path) if path else settings.MLJUDGE_PROBLEMS_DIR
        run, created = sync_run_request(user=None, root=root, sandbox_check=check, draft=draft, enqueue=False)
        if not created:
            raise CommandError(f"sync #{run.id} is {run.status} (requested {run.requested_at:%Y-%m-%d %H:%M}): "
                               "one sync at a time; try again when it has finished")
        run = sync_run_execute(run_id=run.id)   # in this process: the command line is not a web request
        if run is None or run.status != SyncStatus.DONE:
            raise CommandError(f"sync failed: {run.error if run else 'claimed by another process'}")
        report = run.report
        for slug, outcome in sorted(report["outcomes"].items()):
            queued = report["rejudged"].get(slug)
            self.stdout.write(f"{slug}: {outcome}" + (f" ({queued} submission(s) queued for rejudging)" if queued else ""))
        for name, rows in sorted(report["checks"].items()):
            for row in rows:
                self.stdout.write(f"{name}: check {row['item']}: {'ok' if row['ok'] else 'FAIL'} "
                                  f"(want {row['want']}, got {row['got']})")
        for name, errors in sorted(report["invalid"].items()):
            self.stderr.write(self.style.ERROR(f"{name}: INVALID, not loaded (the stored version, if any, is kept)"))
            for error in errors:
                self.stderr.write(f"    {error}")
        for plan, missing in sorted(report.get("plans_skipped", {}).items()):
            self.stdout.write(f"plan {plan}: skipped (not in the catalogue): {', '.join(missing)}")
        for error in report.get("plan_errors", []):
            self.stderr.write(self.style.ERROR(f"plans/{error}"))
        self.stdout.write(f"{len(report['outcomes'])} problem(s) synced, {len(report['invalid'])} invalid, "
                          f"{len(report.get('plans', []))} study plan(s)")
        if strict and report["invalid"]:
            raise CommandError("some problem folders are invalid")
