"""Production: refuses to start without SECRET_KEY and ALLOWED_HOSTS from the environment, or with the
unsafe local sandbox; HTTPS-only cookies and HSTS unless told otherwise."""
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import MLJUDGE_SANDBOX
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
# HSTS: a year by default (0 turns it off, e.g. while trying HTTPS out). Preload is a promise to the
# browsers' lists that is hard to take back, so it is only ever opted into.
SECURE_HSTS_SECONDS = env_int("MLJUDGE_HSTS_SECONDS", 365 * 24 * 3600, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("MLJUDGE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("MLJUDGE_HSTS_PRELOAD", False)
# Off by default: TLS is usually ended by the proxy in front, which redirects plain HTTP itself (and, without
# MLJUDGE_BEHIND_PROXY, Django would see every request as plain HTTP and redirect forever).
SECURE_SSL_REDIRECT = env_bool("MLJUDGE_SSL_REDIRECT", False)
# One proxy of ours in front unless told otherwise: rate limits and lockouts key on the client's address.
MLJUDGE_PROXY_HOPS = env_int("MLJUDGE_PROXY_HOPS", 1 if env_bool("MLJUDGE_BEHIND_PROXY", False) else 0, minimum=0)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("MLJUDGE_BEHIND_PROXY", False) else None
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

if MLJUDGE_SANDBOX == "local":
    raise ImproperlyConfigured(
        "MLJUDGE_SANDBOX=local runs submitted code as plain processes on this host, with its files and "
        "network; production settings refuse it. Use MLJUDGE_SANDBOX=docker (the default), or the dev "
        "settings for authoring on your own machine.")
