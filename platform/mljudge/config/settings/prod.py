"""Production: refuses to start without SECRET_KEY and ALLOWED_HOSTS from the environment."""
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from ..env import env_bool, env_int, env_list, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
if len(SECRET_KEY) < 32 or SECRET_KEY.startswith("dev-only"):
    raise ImproperlyConfigured("SECRET_KEY must be a random string of at least 32 characters")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name at least one host")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SESSION_COOKIE_SECURE = env_bool("MLJUDGE_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("MLJUDGE_HSTS_SECONDS", 0, minimum=0)
# One proxy of ours in front unless told otherwise: rate limits and lockouts key on the client's address.
MLJUDGE_PROXY_HOPS = env_int("MLJUDGE_PROXY_HOPS", 1 if env_bool("MLJUDGE_BEHIND_PROXY", False) else 0, minimum=0)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("MLJUDGE_BEHIND_PROXY", False) else None
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
