from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mljudge.accounts"
    label = "accounts"
