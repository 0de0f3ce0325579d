"""What the rest of the site may ask of the grading engine without importing `grader` itself."""
from __future__ import annotations

import grader
from kombu.exceptions import OperationalError as BrokerUnavailable  # noqa: F401  (publishing failed)


class SourceRejected(ValueError):
    """The code cannot be graded at all (too large, not UTF-8, empty); the message is fit to show."""


MAX_SOURCE_BYTES = grader.MAX_SOURCE_BYTES


def source_check(source: bytes | str) -> str:
    """The submission as text, or SourceRejected before anything is stored or queued."""
    try:
        return grader.check_source(source)
    except grader.SourceError as exc:
        raise SourceRejected(f"Your code was not submitted: {exc}.") from None
