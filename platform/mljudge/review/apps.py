from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "mljudge.review"
    default_auto_field = "django.db.models.BigAutoField"
