"""Structured logs that carry the submission id through the web request, the Celery task and the sandbox run.

`bound_submission(id)` sets a context variable for the current request or task; `SubmissionFilter` copies it
onto every log record (`record.submission_id`, None when there is none); `JsonFormatter` writes one JSON object
per line. settings.LOGGING picks JSON or the plain human format with MLJUDGE_LOG_FORMAT (json in the images,
plain in development). Threads started by a task (the heartbeat, the pool's refills) do not inherit it."""
from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import os
import socket
from datetime import datetime, timezone
from typing import Iterator

_submission_id: contextvars.ContextVar[int | None] = contextvars.ContextVar("submission_id", default=None)
_HOST = socket.gethostname()
# The attributes every LogRecord has; anything else was passed with extra={...} and is written out too.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "submission_id"}


def bind_submission(submission_id: int | None) -> contextvars.Token:
    return _submission_id.set(submission_id)


def unbind_submission(token: contextvars.Token) -> None:
    try:
        _submission_id.reset(token)
    except ValueError:  # reset from another context (a signal handler pair split across contexts)
        _submission_id.set(None)


@contextlib.contextmanager
def bound_submission(submission_id: int | None) -> Iterator[None]:
    token = bind_submission(submission_id)
    try:
        yield
    finally:
        unbind_submission(token)


def current_submission() -> int | None:
    return _submission_id.get()


class SubmissionFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "submission_id", None) is None:
            record.submission_id = _submission_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One line of JSON per record: time (UTC, ISO 8601), level, logger, message, submission_id, host, pid,
    the extra fields, and the traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "submission_id": getattr(record, "submission_id", None) or _submission_id.get(),
            "host": _HOST,
            "pid": os.getpid(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class PlainFormatter(logging.Formatter):
    """The human format of development, with the submission id when there is one."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        submission_id = getattr(record, "submission_id", None)
        return f"{text} [submission {submission_id}]" if submission_id is not None else text


def logging_config(*, fmt: str, level: str) -> dict:
    """settings.LOGGING: our loggers (mljudge.*, grader.*) and gunicorn's, in JSON or plain text."""
    formatter = {"()": JsonFormatter if fmt == "json" else PlainFormatter}
    handler = {"class": "logging.StreamHandler", "formatter": "main", "filters": ["submission"]}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"submission": {"()": SubmissionFilter}},
        "formatters": {"main": formatter},
        "handlers": {"console": handler},
        "loggers": {name: {"handlers": ["console"], "level": level, "propagate": False}
                    for name in ("mljudge", "grader", "gunicorn.error")},
    }
