"""Instructors' and authors' commands: export a cohort, rejudge a submission, start (and follow) a problem sync.
Each is one API call (or a poll of one); the token needs the `review` or `author` scope, which the site checks."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from . import follow, render
from .client import path
from .errors import ExitCode, TimedOut
from .main import TimeoutOpt, app, connect, handled, out

SYNC_ACTIVE = ("queued", "running")   # authoring.SyncStatus; anything else is final
SYNC_POLL_S = 2.0


@app.command()
@handled
def export(cohort: int = typer.Argument(..., metavar="COHORT", help="The cohort's id (see GET /cohorts)"),
           fmt: str = typer.Option("csv", "--format", help="csv or json"),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout")):
    """A cohort's best score per problem per member (the cohort page's export), as CSV or JSON. Token scope:
    review."""
    with connect() as api:
        if fmt == "json":
            data = api.download_json(path("cohorts", cohort, "export"), {"format": fmt})
        else:   # csv, or a format the site names in its refusal
            data = api.download(path("cohorts", cohort, "export"), {"format": fmt})
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        output.write_bytes(data)
        out().print(render.plain(f"{output}: {len(data):,} bytes"))


@app.command()
@handled
def rejudge(submission_id: int = typer.Argument(..., metavar="ID", help="A submission in one of your cohorts")):
    """Grade again a graded submission made on an older version of its problem, after its tests changed (the
    site refuses any other: nothing_to_rejudge). Token scope: review."""
    with connect() as api:
        answer = api.post(path("review", "submissions", submission_id, "rejudge"), {})
    status = answer.get("status")
    out().print(render.plain(f"Submission {submission_id} queued for rejudging"
                             + (f" ({render.words(status).lower()})" if status else "") + "."))


@app.command()
@handled
def sync(sandbox_check: bool = typer.Option(False, "--sandbox-check", help="Also run every problem's reference "
                                                                           "and wrong solutions in the sandbox"),
         wait: bool = typer.Option(False, "--wait", help="Follow the sync until it is done"),
         timeout: float = TimeoutOpt):
    """Sync problems/ into the catalogue. Exit 1 if the sync failed. Token scope: author."""
    with connect() as api:
        started = api.post("/authoring/syncs", {"sandbox_check": sandbox_check})
        sync_id = started.get("id")
        out().print(render.plain(f"Sync {sync_id} started ({render.words(started.get('status')).lower()})."))
        if not wait:
            return
        deadline = follow.clock() + timeout
        state = started
        while state.get("status") in SYNC_ACTIVE:
            if follow.clock() >= deadline:
                raise TimedOut(f"gave up waiting after {timeout:g} s: sync {sync_id} is {state.get('status')}")
            follow.sleep(SYNC_POLL_S)
            state = api.get(path("authoring", "syncs", sync_id))
    out().print(render.plain(f"Sync {sync_id}: {render.words(state.get('status'))}",
                             "green" if state.get("status") == "done" else "red"))
    report = {k: v for k, v in state.items() if k not in ("id", "status", "url")}
    if report:
        out().print(render.plain(_compact(report), limit=render.DETAIL_CHARS))
    if state.get("status") == "failed":
        raise typer.Exit(int(ExitCode.NOT_ACCEPTED))


def _compact(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)
