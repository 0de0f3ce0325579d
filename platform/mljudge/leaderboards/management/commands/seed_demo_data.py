import time

from django.core.management.base import BaseCommand, CommandError

from mljudge.leaderboards.seeding import PASSWORD, demo_data_seed


class Command(BaseCommand):
    help = ("Adds demo users and graded submissions across the synced problem bank (bulk inserts), then rebuilds "
            "the leaderboards. For load tests and demos; never on a production database.")

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=1000)
        parser.add_argument("--submissions", type=int, default=10000)
        parser.add_argument("--seed", type=int, default=1, help="random seed (the same seed gives the same data)")

    def handle(self, *args, users, submissions, seed, **options):
        started = time.monotonic()
        try:
            result = demo_data_seed(users=users, submissions=submissions, seed=seed)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{result.users} demo users (password {PASSWORD!r}), {result.submissions} submissions "
                          f"added, {result.best_results} best results, {result.standings} standings "
                          f"in {time.monotonic() - started:.1f} s")
