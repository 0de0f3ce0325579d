from django.core.management.base import BaseCommand

from mljudge.leaderboards.scoring import WINDOW
from mljudge.leaderboards.services import leaderboards_rebuild, standings_refresh_window


class Command(BaseCommand):
    help = "Rebuilds every BestResult and Standing from the graded submissions (or, with --window, the 30-day scope)."

    def add_arguments(self, parser):
        parser.add_argument("--window", action="store_true", help="only refresh the last-30-days ranking")

    def handle(self, *args, window=False, **options):
        if window:
            self.stdout.write(f"{standings_refresh_window()} standings in the last {WINDOW.days} days")
            return
        best, standings = leaderboards_rebuild()
        self.stdout.write(f"{best} best results, {standings} standings")
