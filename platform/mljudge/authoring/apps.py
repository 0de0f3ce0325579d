from django.apps import AppConfig


class AuthoringConfig(AppConfig):
    """Authors' pages: the problem sync report and draft previews. No models of its own."""

    name = "mljudge.authoring"
    default_auto_field = "django.db.models.BigAutoField"
