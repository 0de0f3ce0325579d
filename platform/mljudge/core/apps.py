from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mljudge.core"
    label = "core"
