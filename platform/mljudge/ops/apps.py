from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: health and readiness, /metrics, worker heartbeats, structured logs, the staff System page."""

    name = "mljudge.ops"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import worker  # noqa: F401  (Celery signal handlers; inert outside worker processes)
