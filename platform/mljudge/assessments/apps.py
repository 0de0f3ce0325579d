from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "mljudge.assessments"
    default_auto_field = "django.db.models.BigAutoField"
