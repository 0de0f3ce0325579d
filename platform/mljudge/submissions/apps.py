from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "mljudge.submissions"
    label = "submissions"
