"""`mljudge`, the command-line client of an mljudge site (docs/api.md). It speaks only the public HTTP API:
each command is one or a few API calls and a rendering of their JSON; every rule (quotas, source limits, what a
hidden test reveals) is the server's. Exit statuses: errors.ExitCode."""
from __future__ import annotations

import functools
import ipaddress
import re
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

import typer
from rich.console import Console

from . import config, follow, render
from .client import Api, path
from .errors import CliError, ExitCode, UsageError

app = typer.Typer(help="Practise ML interview problems on an mljudge site from your terminal.",
                  no_args_is_help=True, add_completion=False,
                  pretty_exceptions_show_locals=False)   # locals would include the token

# A bound of this client's own on what it reads and uploads (far above any site's source limit, which the server
# enforces and words): a data file passed by mistake is not read into memory and sent.
MAX_UPLOAD_BYTES = 8 * 1024 * 1024
DEFAULT_TIMEOUT_S = 600.0
SAFE_FILE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")   # what pick writes as SLUG.py / SLUG.md


def out() -> Console:
    return Console(highlight=False, soft_wrap=False)


def err() -> Console:
    return Console(stderr=True, highlight=False)


def handled(command):
    """Ends a command that raised a CliError with its message (no traceback) and its exit status."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CliError as exc:
            console = err()
            console.print(render.plain(f"error: {exc}", "bold red"))
            if exc.hint:
                console.print(render.plain(exc.hint, "dim"))
            raise typer.Exit(int(exc.code)) from None
        except KeyboardInterrupt:
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None

    return run


def connect() -> Api:
    login = config.current()
    return Api(url=login.url, token=login.token)


# --- login ------------------------------------------------------------------------------------------

@app.command()
@handled
def login(url: Optional[str] = typer.Option(None, help="The site's root URL, e.g. https://judge.example.org"),
          token: Optional[str] = typer.Option(None, help="A personal access token (prompted for, hidden, if not "
                                                         "given: a token on the command line lands in your "
                                                         "shell history)")):
    """Check a token against the site (GET /whoami) and store the URL and token (mode 0600)."""
    if url is None:   # only the URL, to offer it: the file is rewritten 0600 below, whatever its mode now
        stored = config.read_file(check_mode=False).get("url")
        url = typer.prompt("Site URL", default=stored) if stored else typer.prompt("Site URL")
    url = config.normalise_url(url)
    if _cleartext(url):   # before the token is typed or sent, not after
        err().print(render.plain("warning: this URL is plain http: the token crosses the network unencrypted.",
                                 "yellow"))
    if token is None:
        token = typer.prompt(f"API token (create one at {url}/accounts/tokens/)", hide_input=True)
    token = token.strip()
    if not token:
        raise UsageError("the token is empty")
    with Api(url=url, token=token) as api:
        me = api.get("/whoami")
    saved = config.save(config.Login(url=url, token=token))
    console = out()
    console.print(render.plain(f"Logged in to {url} as {_who(me)}.", "green"))
    console.print(render.plain(f"Saved to {saved} (readable by you only).", "dim"))
    _warn_env_overrides()


@app.command()
@handled
def logout():
    """Forget the stored URL and token (the token stays valid on the site until you revoke it there)."""
    removed = config.remove()
    console = out()
    console.print(f"Removed {removed}." if removed else "Not logged in: nothing to remove.")
    _warn_env_overrides()


@app.command()
@handled
def whoami():
    """Who the stored (or MLJUDGE_TOKEN's) token belongs to, and its scopes."""
    with connect() as api:
        me = api.get("/whoami")
        out().print(render.plain(f"{_who(me)} on {api.url}"))
    roles = ", ".join(str(r) for r in me.get("roles") or []) or "solver"
    out().print(render.plain(f"roles: {roles}", "dim"))
    token = me.get("token")
    if isinstance(token, dict):
        scopes = ", ".join(str(s) for s in token.get("scopes") or [])
        expiry = token.get("expires_at") or "never"
        out().print(render.plain(f"token: {token.get('name')} ({token.get('prefix')}…) · scopes: {scopes} · "
                                 f"expires: {expiry}", "dim"))


def _who(me: dict) -> str:
    name, display = me.get("username") or "?", me.get("display_name")
    return f"{display} ({name})" if display and display != name else str(name)


def _cleartext(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme != "http":
        return False
    host = parts.hostname or ""
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host != "localhost"


def _warn_env_overrides() -> None:
    import os

    set_ = [name for name in (config.ENV_URL, config.ENV_TOKEN) if os.environ.get(name)]
    if set_:
        err().print(render.plain(f"note: {' and '.join(set_)} set in the environment override the stored login.",
                                 "yellow"))


# --- problems --------------------------------------------------------------------------------------

@app.command("list")
@handled
def list_(topic: Optional[str] = typer.Option(None, help="e.g. foundations"),
          difficulty: Optional[str] = typer.Option(None, help="easy, medium or hard"),
          kind: Optional[str] = typer.Option(None, help="function, scored or design"),
          search: Optional[str] = typer.Option(None, help="words in the title or statement")):
    """The problems, with filters."""
    with connect() as api:
        problems = list(api.pages("/problems", {"topic": topic, "difficulty": difficulty, "kind": kind,
                                                "q": search}))
    out().print(render.problems_table(problems))


@app.command()
@handled
def pick(slug: str = typer.Argument(..., help="The problem's slug (see `mljudge list`)"),
         directory: Path = typer.Option(Path("."), "--dir", help="Where to write the files", file_okay=False),
         force: bool = typer.Option(False, "--force", help="Overwrite SLUG.py and SLUG.md if they exist")):
    """Write SLUG.py (the starter code) and SLUG.md (the statement, public examples and limits)."""
    with connect() as api:
        problem = api.get(path("problems", slug))
    name = str(problem.get("slug") or "")
    if not SAFE_FILE_STEM.fullmatch(name):
        raise CliError(f"the site answered a slug that is not a safe file name: {render.clean(name)!r}")
    files = {directory / f"{name}.md": render.statement_markdown(problem)}
    if problem.get("kind") != "design":
        files[directory / f"{name}.py"] = problem.get("starter") or ""
    if not force:
        existing = [str(f) for f in files if f.exists()]
        if existing:
            raise UsageError(f"not overwriting {', '.join(existing)}", hint="pass --force to overwrite")
    directory.mkdir(parents=True, exist_ok=True)
    for target, text in sorted(files.items(), key=lambda item: item[0].suffix != ".py"):
        # "x": created here, never over a file that appeared since the check above.
        with open(target, "w" if force else "x", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        out().print(render.plain(str(target)))


# --- running code ----------------------------------------------------------------------------------

FileArg = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="Your solution (a .py file)")
ProblemOpt = typer.Option(None, "--problem", "-p", help="The problem's slug (default: FILE's name without .py)")
TimeoutOpt = typer.Option(DEFAULT_TIMEOUT_S, "--timeout", min=1, help="Stop waiting after this many seconds "
                                                                     "(exit status 3)")


@app.command()
@handled
def test(file: Path = FileArg, problem: Optional[str] = ProblemOpt, timeout: float = TimeoutOpt):
    """Run FILE on the problem's public examples, with a live per-test table."""
    raise typer.Exit(_send_code(file=file, slug=problem or file.stem, mode="run", wait=True, timeout_s=timeout))


@app.command()
@handled
def submit(file: Path = FileArg, problem: Optional[str] = ProblemOpt,
           no_wait: bool = typer.Option(False, "--no-wait", help="Print the submission's id and exit"),
           timeout: float = TimeoutOpt):
    """Submit FILE for grading on every test, with live progress. Exit 0 accepted, 1 not accepted, 3 system
    error, 4 refused by the site."""
    raise typer.Exit(_send_code(file=file, slug=problem or file.stem, mode="submit", wait=not no_wait,
                                timeout_s=timeout))


def _read_source(file: Path) -> str:
    size = file.stat().st_size
    if size > MAX_UPLOAD_BYTES:
        raise UsageError(f"{file} is {size:,} bytes: not sent (this client uploads at most {MAX_UPLOAD_BYTES:,})",
                         hint="is it the right file? the site's own limit on a source is far smaller")
    # Read as bytes, sent as text; bytes that are not UTF-8 travel as escapes and the site, which owns the rule,
    # refuses them with its own message.
    return file.read_bytes().decode("utf-8", "surrogateescape")


def _send_code(*, file: Path, slug: str, mode: str, wait: bool, timeout_s: float) -> int:
    source = _read_source(file)
    console = out()
    with connect() as api:
        created = api.post(path("problems", slug, "submissions"), {"source": source, "mode": mode})
        submission_id = created.get("id")
        if not isinstance(submission_id, int):
            raise CliError(f"{api.url} accepted the submission but sent no id")
        queue = created.get("queue_position")
        console.print(render.plain(f"Submission {submission_id} sent ({mode})"
                                   + (f", position {queue} in the queue" if isinstance(queue, int) else "") + ".",
                                   "dim"))
        if not wait:
            console.print(render.plain(f"Follow it with: mljudge status {submission_id} --wait"))
            return ExitCode.OK
        final = follow.follow(api, submission_id=submission_id, timeout_s=timeout_s, console=console)
        return _conclude(api, final, console=console)


# --- results ---------------------------------------------------------------------------------------

@app.command()
@handled
def status(submission_id: int = typer.Argument(..., metavar="ID", help="A submission's id"),
           wait: bool = typer.Option(False, "--wait", help="Follow it until it is graded"),
           timeout: float = TimeoutOpt):
    """One of your submissions: its tests and verdict."""
    console = out()
    with connect() as api:
        submission = api.get(path("submissions", submission_id))
        if wait and not submission.get("final"):
            submission = follow.follow(api, submission_id=submission_id, timeout_s=timeout, console=console)
        else:
            console.print(render.tests_table(submission))
        code = _conclude(api, submission, console=console)
    raise typer.Exit(code)


def _conclude(api: Api, submission: dict, *, console: Console) -> int:
    """The verdict line and details, and the exit status they mean."""
    problem = None
    if submission.get("final") and submission.get("score") is not None:
        try:   # only for a scored problem's threshold: its absence loses a detail, not the verdict
            problem = api.get(path("problems", submission.get("problem", "")))
        except CliError:
            problem = None
    console.print(render.verdict_line(submission, problem))
    more = render.details(submission)
    if more is not None:
        console.print(more)
    return exit_code_of(submission)


def exit_code_of(submission: dict) -> int:
    if render.SYSTEM_ERROR in (submission.get("status"), submission.get("verdict")):
        return ExitCode.SYSTEM
    if submission.get("verdict") == render.ACCEPTED:
        return ExitCode.OK
    if submission.get("verdict"):
        return ExitCode.NOT_ACCEPTED
    return ExitCode.OK   # not graded yet, or a design answer awaiting review: nothing went wrong


@app.command()
@handled
def history(problem: Optional[str] = typer.Option(None, "--problem", "-p", help="Only this problem's"),
            verdict: Optional[str] = typer.Option(None, help="e.g. accepted, wrong_answer"),
            mode: Optional[str] = typer.Option(None, help="run or submit"),
            limit: int = typer.Option(20, min=1, max=1000, help="How many (newest first)")):
    """Your submissions, newest first."""
    with connect() as api:
        items = list(api.pages("/submissions", {"problem": problem, "verdict": verdict, "mode": mode},
                               limit=limit))
    out().print(render.history_table(items))


@app.command()
@handled
def leaderboard(problem: Optional[str] = typer.Option(None, "--problem", "-p", help="A problem's board instead "
                                                                                    "of the global one"),
                period: Optional[str] = typer.Option(None, help="Global board: all or 30d"),
                topic: Optional[str] = typer.Option(None, help="Global board: one topic"),
                ranking: Optional[str] = typer.Option(None, help="Problem board: first_solve, public, private"),
                page: Optional[int] = typer.Option(None, min=1, help="Page of the board")):
    """The global leaderboard, or one problem's."""
    with connect() as api:
        if problem:
            board = api.get(path("leaderboards", "problems", problem), {"ranking": ranking, "page": page})
            title = f"Leaderboard · {problem}"
        else:
            board = api.get("/leaderboards/global", {"period": period, "topic": topic, "page": page})
            title = "Leaderboard" + "".join(f" · {x}" for x in (period, topic) if x)
    out().print(render.leaderboard_table(board, title=title))


from . import staff  # noqa: E402,F401  (registers export, rejudge and sync on `app`)
