from celery import shared_task

from .services import standings_refresh_window


@shared_task(ignore_result=True)
def refresh_window_standings() -> int:
    return standings_refresh_window()
