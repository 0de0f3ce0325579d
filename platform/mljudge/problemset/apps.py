from django.apps import AppConfig


class ProblemsetConfig(AppConfig):
    name = "mljudge.problemset"
    label = "problemset"
