from django.contrib.auth.tokens import PasswordResetTokenGenerator


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """Signs "activate this account" links (valid PASSWORD_RESET_TIMEOUT, 3 days). The hash covers
    is_active and last_login, so a link works once and never revives an account staff deactivated."""

    key_salt = "mljudge.accounts.tokens.ActivationTokenGenerator"

    def _make_hash_value(self, user, timestamp: int) -> str:
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


activation_tokens = ActivationTokenGenerator()
