from django.apps import AppConfig


class LeaderboardsConfig(AppConfig):
    name = "mljudge.leaderboards"
    default_auto_field = "django.db.models.BigAutoField"
