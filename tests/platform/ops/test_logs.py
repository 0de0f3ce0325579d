"""Log records carry the submission id bound to the request or task; JSON lines in production, plain in dev."""
from __future__ import annotations

import json
import logging

from mljudge.ops.logs import JsonFormatter, PlainFormatter, SubmissionFilter, bound_submission


def record(message="graded") -> logging.LogRecord:
    rec = logging.LogRecord("mljudge.grading", logging.INFO, __file__, 1, message, None, None)
    SubmissionFilter().filter(rec)
    return rec


def test_it_writes_one_json_object_with_the_bound_submission_id():
    with bound_submission(None):   # whatever an earlier test left bound in this thread
        with bound_submission(42):
            line = JsonFormatter().format(record())
        unbound = JsonFormatter().format(record())
    entry = json.loads(line)
    assert (entry["submission_id"], entry["message"], entry["level"], entry["logger"]) == (42, "graded", "INFO",
                                                                                          "mljudge.grading")
    assert json.loads(unbound)["submission_id"] is None   # unbound again afterwards


def test_the_plain_format_names_the_submission_only_when_there_is_one():
    with bound_submission(None):
        with bound_submission(7):
            assert PlainFormatter().format(record()).endswith("graded [submission 7]")
        assert "[submission" not in PlainFormatter().format(record())
