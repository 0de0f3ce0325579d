"""Exit statuses and the errors that end a command with one. Scripts branch on the status: 0 accepted (or done),
1 graded but not accepted, 2 a usage error (typer's own, or one found before anything was sent), 3 a system error
(the verdict system_error, a server failure, the server unreachable, waiting timed out), 4 refused by the server
(401/403/404/413/422/429 and any other 4xx: its message is shown)."""
from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    NOT_ACCEPTED = 1
    USAGE = 2
    SYSTEM = 3
    REFUSED = 4
    INTERRUPTED = 130   # Ctrl-C, as shells report SIGINT


class CliError(Exception):
    """Ends the command: `message` on stderr (and `hint` under it), then exit with `code`."""

    code = ExitCode.SYSTEM

    def __init__(self, message: str, *, hint: str = "", code: ExitCode | None = None):
        super().__init__(message)
        self.hint = hint
        if code is not None:
            self.code = code


class UsageError(CliError):
    code = ExitCode.USAGE


class Unreachable(CliError):
    """No HTTP answer at all: refused connection, DNS, TLS, a timeout."""

    code = ExitCode.SYSTEM


class ServerFailed(CliError):
    """A 5xx, or an answer that is not the API's JSON."""

    code = ExitCode.SYSTEM


class Refusal(CliError):
    """The server's {"error": {"reason", "message", "status"}}; `reason` is its stable name."""

    code = ExitCode.REFUSED

    def __init__(self, message: str, *, reason: str, status: int, hint: str = ""):
        super().__init__(message, hint=hint)
        self.reason = reason
        self.status = status


class TimedOut(CliError):
    code = ExitCode.SYSTEM


class Interrupted(CliError):
    code = ExitCode.INTERRUPTED
