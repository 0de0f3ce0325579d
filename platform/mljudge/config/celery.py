"""The Celery app. Workers: `celery -A mljudge.config worker`; the sweeper schedule: `celery -A mljudge.config beat`."""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mljudge.config.settings.dev")

app = Celery("mljudge")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
