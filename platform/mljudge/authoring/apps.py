from django.apps import AppConfig


class AuthoringConfig(AppConfig):
    """Authors' pages: problem sync runs (queued here, run by a worker) and draft previews."""

    name = "mljudge.authoring"
    default_auto_field = "django.db.models.BigAutoField"
