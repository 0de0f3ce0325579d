from django.apps import AppConfig


class GradingConfig(AppConfig):
    """The grading pipeline: the only Django code that imports `grader`."""

    name = "mljudge.grading"
    label = "grading"
