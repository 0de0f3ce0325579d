"""Local development: DEBUG on, a throwaway secret key, loopback hosts."""
from .base import *  # noqa: F403
from ..env import env_bool, env_list, env_str

DEBUG = env_bool("MLJUDGE_DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
# Webhooks to a receiver on this machine (a script on 127.0.0.1) are the usual way to try them out here.
MLJUDGE_WEBHOOK_ALLOW_PRIVATE = env_bool("MLJUDGE_WEBHOOK_ALLOW_PRIVATE", True)
