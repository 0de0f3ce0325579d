"""The `mljudge` CLI against a fake site (fake_site.py, an httpx.MockTransport): login and its config file,
environment overrides, pick, list's pagination, test/submit's live table and every exit status, refusals,
unreachable servers, and the bounded long-poll."""
from __future__ import annotations

import json
import os
import stat

import httpx
import pytest
from typer.testing import CliRunner

from mljudge_cli import client, config, follow
from mljudge_cli.main import app

from .fake_site import TOKEN, URL, FakeClock, FakeSite, error, hidden_row, public_row, submission

SID = 7


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A private HOME and config directory, and no login from the real environment."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv(config.ENV_URL, raising=False)
    monkeypatch.delenv(config.ENV_TOKEN, raising=False)
    monkeypatch.setenv("COLUMNS", "160")
    return tmp_path


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(follow, "clock", fake)
    monkeypatch.setattr(follow, "sleep", fake.sleep)
    return fake


@pytest.fixture
def site(home, clock, monkeypatch):
    fake = FakeSite(long_poll_clock=clock)
    monkeypatch.setattr(client, "http_client_factory",
                        lambda **kw: httpx.Client(transport=httpx.MockTransport(fake.handle), **kw))
    return fake


@pytest.fixture
def logged_in(site):
    config.save(config.Login(url=URL, token=TOKEN))
    return site


def run(*args, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input)


def solution(home, text="def softmax(x, axis=-1):\n    return x\n", name="softmax.py"):
    path = home / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def polls(site) -> list[dict]:
    return [dict(r.url.params) for r in site.requests if r.url.path == f"/api/v1/submissions/{SID}"]


# --- login, config, environment --------------------------------------------------------------------

def test_it_logs_in_and_stores_the_url_and_token_readable_by_the_user_only(site, home):
    result = run("login", "--url", URL + "/api/v1/", "--token", TOKEN)
    assert result.exit_code == 0, result.output
    assert "Logged in to http://judge.test as Ada (ada)" in result.output
    path = home / "config" / "mljudge" / "config.json"
    assert json.loads(path.read_text()) == {"url": URL, "token": TOKEN}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [r.url.path for r in site.requests] == ["/api/v1/whoami"]


def test_it_prompts_for_a_missing_token_without_echoing_it(site, home):
    result = run("login", "--url", URL, input=f"{TOKEN}\n")
    assert result.exit_code == 0, result.output
    assert TOKEN not in result.output
    assert config.current().token == TOKEN


def test_it_never_writes_the_token_where_others_can_read_it(site, home, monkeypatch):
    (home / "config" / "mljudge").mkdir(parents=True, mode=0o755)
    os.chmod(home / "config" / "mljudge", 0o755)
    modes = []
    real_replace = os.replace

    def replace(src, dst):   # the moment before the file takes its name: already 0600 and complete
        modes.append((stat.S_IMODE(os.stat(src).st_mode), json.loads(open(src).read())["token"]))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    assert run("login", "--url", URL, "--token", TOKEN).exit_code == 0
    assert modes == [(0o600, TOKEN)]
    assert stat.S_IMODE((home / "config" / "mljudge").stat().st_mode) == 0o700
    assert [p.name for p in (home / "config" / "mljudge").iterdir()] == ["config.json"]


def test_it_refuses_a_bad_token_and_stores_nothing(site, home):
    result = run("login", "--url", URL, "--token", "mlj_wrong")
    assert result.exit_code == 4
    assert "This token is not valid" in result.output and "mljudge login" in result.output
    assert not (home / "config" / "mljudge" / "config.json").exists()


def test_it_refuses_a_url_without_a_scheme(site):
    result = run("login", "--url", "judge.test", "--token", TOKEN)
    assert result.exit_code == 2 and "not a site URL" in result.output
    assert site.requests == []


def test_environment_variables_override_the_file(logged_in, monkeypatch):
    config.save(config.Login(url="http://elsewhere.test", token="mlj_stale"))
    monkeypatch.setenv(config.ENV_URL, URL)
    monkeypatch.setenv(config.ENV_TOKEN, TOKEN)
    result = run("whoami")
    assert result.exit_code == 0, result.output
    assert "Ada (ada) on http://judge.test" in result.output and "scopes: read, submit" in result.output
    assert str(logged_in.requests[-1].url) == f"{URL}/api/v1/whoami"


def test_it_says_to_log_in_when_there_is_no_login(site):
    result = run("whoami")
    assert result.exit_code == 2 and "not logged in" in result.output and "mljudge login" in result.output


def test_logout_removes_the_file(logged_in):
    assert config.config_path().exists()
    result = run("logout")
    assert result.exit_code == 0 and not config.config_path().exists()
    assert run("whoami").exit_code == 2


def test_a_401_says_to_log_in_again(logged_in):
    config.save(config.Login(url=URL, token="mlj_revoked"))
    result = run("whoami")
    assert result.exit_code == 4
    assert "This token is not valid" in result.output and "run `mljudge login` again" in result.output


def test_the_stored_token_goes_only_to_the_stored_site(site, monkeypatch):
    assert run("login", "--url", URL, "--token", TOKEN).exit_code == 0
    monkeypatch.setenv(config.ENV_URL, "http://elsewhere.test")
    result = run("whoami")
    assert result.exit_code == 2, result.output
    text = result.output.replace("\n", " ")
    assert "MLJUDGE_URL names http://elsewhere.test, not the site you logged in to" in text
    assert "set MLJUDGE_TOKEN" in text
    assert [r.url.host for r in site.requests] == ["judge.test"]   # login's whoami only: nothing sent elsewhere
    # The same site, however it is spelt, is the stored site.
    monkeypatch.setenv(config.ENV_URL, URL + "/api/v1/")
    assert run("whoami").exit_code == 0
    # Another site with its own token: that token, to that site.
    monkeypatch.setenv(config.ENV_URL, "http://elsewhere.test")
    monkeypatch.setenv(config.ENV_TOKEN, "mlj_elsewhere")
    assert run("whoami").exit_code == 4
    assert (site.requests[-1].url.host, site.requests[-1].headers["Authorization"]) == (
        "elsewhere.test", "Bearer mlj_elsewhere")
    # A token from the environment with the stored URL is the user's own choice.
    monkeypatch.delenv(config.ENV_URL)
    monkeypatch.setenv(config.ENV_TOKEN, TOKEN)
    assert run("whoami").exit_code == 0 and site.requests[-1].url.host == "judge.test"


@pytest.mark.parametrize("mode", [0o644, 0o604, 0o640, 0o620, 0o660])
def test_a_config_file_others_can_read_or_write_is_refused(logged_in, mode):
    path = config.config_path()
    os.chmod(path, mode)
    result = run("whoami")
    assert result.exit_code == 2, result.output
    text = result.output.replace("\n", " ")
    assert f"accessible by others (mode {mode:04o})" in text and f"chmod 600 {path}" in text
    assert logged_in.requests == []
    os.chmod(path, 0o600)
    assert run("whoami").exit_code == 0


def test_a_file_too_open_is_not_read_when_the_environment_names_both(logged_in, monkeypatch):
    os.chmod(config.config_path(), 0o644)
    monkeypatch.setenv(config.ENV_URL, URL)
    monkeypatch.setenv(config.ENV_TOKEN, TOKEN)
    assert run("whoami").exit_code == 0


def test_login_rewrites_a_file_too_open_as_0600(logged_in):
    os.chmod(config.config_path(), 0o644)
    result = run("login", "--token", TOKEN, input="\n")   # the stored URL is offered, and taken
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(config.config_path().stat().st_mode) == 0o600


class Recorder:
    """A file for a rich Console: what is written goes into `events`, in order with the site's requests."""

    def __init__(self, events: list):
        self.events = events

    def write(self, text: str) -> int:
        self.events.append(("stderr", text))
        return len(text)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("url,warned", [(URL, True), ("https://judge.test", False), ("http://127.0.0.1:8000", False)])
def test_the_plain_http_warning_comes_before_the_token_is_sent(site, monkeypatch, url, warned):
    from rich.console import Console

    from mljudge_cli import main

    site.events = events = []
    monkeypatch.setattr(main, "err", lambda: Console(file=Recorder(events), highlight=False))
    result = run("login", "--url", url, "--token", TOKEN)
    assert result.exit_code == 0, result.output
    warnings = [n for n, (kind, text) in enumerate(events) if kind == "stderr" and "plain http" in text]
    sent = events.index(("request", "/api/v1/whoami"))
    assert bool(warnings) == warned
    if warned:
        assert warnings[0] < sent


# --- problems ---------------------------------------------------------------------------------------

def test_list_stops_at_the_apis_largest_offset(logged_in, monkeypatch):
    from .fake_site import problem_summary

    monkeypatch.setattr(client, "MAX_OFFSET", 100)
    logged_in.problems = [problem_summary(f"p{n:03d}") for n in range(250)]
    result = run("list")
    assert result.exit_code == 0, result.output
    assert [r.url.params["offset"] for r in logged_in.requests] == ["0", "100"]


def test_list_follows_every_page(logged_in):
    from .fake_site import problem_summary

    logged_in.problems = [problem_summary(f"p{n:03d}", solved=n == 5) for n in range(250)]
    result = run("list", "--topic", "foundations", "--search", "soft max")
    assert result.exit_code == 0, result.output
    pages = [dict(r.url.params) for r in logged_in.requests]
    assert [(p["offset"], p["limit"]) for p in pages] == [("0", "100"), ("100", "100"), ("200", "100")]
    assert all(p["topic"] == "foundations" and p["q"] == "soft max" and "kind" not in p for p in pages)
    assert "250 problems" in result.output and "p000" in result.output and "p249" in result.output
    assert "✓" in result.output


def test_pick_writes_the_starter_and_the_statement(logged_in, home):
    result = run("pick", "softmax", "--dir", str(home / "work"))
    assert result.exit_code == 0, result.output
    starter, statement = home / "work" / "softmax.py", home / "work" / "softmax.md"
    assert starter.read_text().startswith("import numpy as np") and str(starter) in result.output
    text = statement.read_text()
    assert text.startswith("# Numerically stable softmax") and "## Examples" in text and "### basic" in text
    assert '"axis": -1' in text and "0.7310585786300049" in text
    assert "- time: 1.0 s" in text and "- memory: 256 MB" in text


def test_pick_never_overwrites_without_force(logged_in, home):
    mine = solution(home, "my work\n")
    result = run("pick", "softmax", "--dir", str(home))
    assert result.exit_code == 2 and "not overwriting" in result.output and "--force" in result.output
    assert mine.read_text() == "my work\n" and not (home / "softmax.md").exists()
    result = run("pick", "softmax", "--dir", str(home), "--force")
    assert result.exit_code == 0 and mine.read_text().startswith("import numpy")


def test_a_slug_is_one_path_segment(logged_in):
    result = run("pick", "../whoami")
    assert result.exit_code == 4 and "No such problem." in result.output
    assert logged_in.requests[-1].url.raw_path == b"/api/v1/problems/..%2Fwhoami"
    run("pick", "..")
    assert logged_in.requests[-1].url.raw_path == b"/api/v1/problems/%2E%2E"


def test_server_text_cannot_drive_the_terminal(logged_in):
    from .fake_site import problem_summary

    logged_in.problems = [problem_summary("evil", title="\x1b]8;;http://x\x1b\\click\x1b[2J [bold]me[/]")]
    result = run("list")
    assert result.exit_code == 0
    assert "\x1b" not in result.output and "\\x1b" in result.output and "[bold]me[/]" in result.output


# --- test and submit --------------------------------------------------------------------------------

def test_submit_shows_a_live_table_and_exits_0_when_accepted(logged_in, home):
    rows = [public_row("basic"), hidden_row(1), hidden_row(2)]
    logged_in.states = [submission(SID, status="queued", rows=[], queue_position=2),
                        submission(SID, status="running", rows=rows[:1]),
                        submission(SID, status="running", rows=rows[:2]),
                        submission(SID, status="graded", rows=rows, verdict="accepted")]
    result = run("submit", str(solution(home)))
    assert result.exit_code == 0, result.output
    assert logged_in.bodies == [{"source": "def softmax(x, axis=-1):\n    return x\n", "mode": "submit"}]
    # Long-polls, each saying how many progress rows it has seen.
    assert [(p["wait"], p["seen"]) for p in polls(logged_in)] == [("20", "0"), ("20", "0"), ("20", "1"), ("20", "2")]
    assert "Submission 7 sent (submit), position 1 in the queue" in result.output
    assert "public basic" in result.output and "hidden 1" in result.output and "hidden 2" in result.output
    assert "✓ Accepted · 3/3 tests" in result.output


def test_test_runs_the_public_examples_named_by_the_file(logged_in, home):
    logged_in.states = [submission(SID, status="graded", rows=[public_row("basic")], verdict="accepted",
                                   mode="run")]
    result = run("test", str(solution(home, name="mine.py")), "--problem", "softmax")
    assert result.exit_code == 0, result.output
    assert logged_in.bodies[0]["mode"] == "run"
    assert [r.url.path for r in logged_in.requests][0] == "/api/v1/problems/softmax/submissions"


def test_a_wrong_answer_exits_1_and_shows_the_public_failure(logged_in, home):
    rows = [public_row("basic", "wrong_answer", message="values differ", input="x=[1, 2]", expected="[0.27, 0.73]",
                       got="[1, 2]"),
            hidden_row(1, "wrong_answer", category="huge-logits"), hidden_row(2, "skipped")]
    logged_in.states = [submission(SID, status="graded", rows=rows, verdict="wrong_answer",
                                   report_extra={"stdout": "debug print\n"})]
    result = run("submit", str(solution(home)))
    assert result.exit_code == 1, result.output
    assert "✗ Wrong answer · 0/3 tests" in result.output
    assert "huge-logits" in result.output and "got: [1, 2]" in result.output and "debug print" in result.output


def test_a_system_error_exits_3(logged_in, home):
    logged_in.states = [submission(SID, status="system_error", rows=[], verdict="system_error")]
    result = run("submit", str(solution(home)))
    assert result.exit_code == 3 and "System error" in result.output


def test_a_server_failure_while_waiting_exits_3(logged_in, home):
    logged_in.states = [error(502, "bad_gateway", "upstream down")]
    result = run("submit", str(solution(home)))
    assert result.exit_code == 3 and "the server failed (HTTP 502): upstream down" in result.output
    assert "Traceback" not in result.output


def test_an_unreachable_server_exits_3_with_the_reason(home, monkeypatch):
    def refuse(request):
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    monkeypatch.setattr(client, "http_client_factory",
                        lambda **kw: httpx.Client(transport=httpx.MockTransport(refuse), **kw))
    config.save(config.Login(url=URL, token=TOKEN))
    result = run("submit", str(solution(home)))
    assert result.exit_code == 3
    assert "cannot reach http://judge.test: [Errno 111] Connection refused" in result.output
    assert "Traceback" not in result.output


def test_an_answer_that_is_not_json_exits_3(logged_in, home):
    logged_in.states = [httpx.Response(200, text="<html>login</html>", headers={"Content-Type": "text/html"})]
    result = run("status", str(SID))
    assert result.exit_code == 3 and "with text/html, not JSON" in result.output


def test_a_redirect_is_not_followed(logged_in):
    logged_in.states = [httpx.Response(302, headers={"Location": "https://judge.test/api/v1/submissions/7"})]
    result = run("status", str(SID))
    assert result.exit_code == 3 and "redirects API requests to https://judge.test" in result.output
    assert len(logged_in.requests) == 1


def test_a_missing_scope_exits_4_naming_it(logged_in, home):
    logged_in.scopes = ("read",)
    result = run("submit", str(solution(home)))
    assert result.exit_code == 4
    assert "lacks the 'submit' scope" in result.output and "/accounts/tokens/" in result.output


@pytest.mark.parametrize("status,reason,message", [
    (413, "source_too_large", "Your code was not submitted: the source is 70,000 bytes; the limit is 65,536 bytes."),
    (429, "in_flight", "You already have 2 submissions being graded; wait for one to finish (at most 2 at a time)."),
    (422, "invalid_request", "The request is not valid: mode: Input should be 'run' or 'submit'"),
    (400, "source_empty", "Your code was not submitted: the source is empty."),
])
def test_a_refusal_exits_4_with_the_servers_message(logged_in, home, status, reason, message):
    logged_in.submit_answer = error(status, reason, message)
    result = run("submit", str(solution(home)))
    assert result.exit_code == 4
    assert message in result.output.replace("\n", " ")


def test_an_unknown_problem_exits_4(logged_in, home):
    result = run("submit", str(solution(home, name="nosuch.py")))
    assert result.exit_code == 4 and "No such problem." in result.output


def test_a_file_that_is_not_utf8_is_sent_and_the_site_says_why_it_is_refused(logged_in, home):
    result = run("submit", str(solution(home, b"x = '\xff'\n")))
    assert result.exit_code == 4 and "not valid UTF-8" in result.output
    assert logged_in.bodies[0]["source"] == "x = '\udcff'\n"


def test_unicode_source_travels_intact(logged_in, home):
    logged_in.states = [submission(SID, status="graded", rows=[public_row("basic")], verdict="accepted")]
    text = "# π ≈ 3.14, 日本語, emoji 🙂\ndef softmax(x, axis=-1):\n    return x\n"
    assert run("submit", str(solution(home, text))).exit_code == 0
    assert logged_in.bodies[0]["source"] == text


def test_a_huge_file_is_not_read_or_sent(logged_in, home, monkeypatch):
    from mljudge_cli import main

    monkeypatch.setattr(main, "MAX_UPLOAD_BYTES", 10)
    result = run("submit", str(solution(home, "x = 1  # longer than ten bytes\n")))
    assert result.exit_code == 2 and "not sent" in result.output and logged_in.requests == []


def test_a_missing_file_is_a_usage_error(logged_in, home):
    assert run("submit", str(home / "absent.py")).exit_code == 2


def test_waiting_is_bounded_by_the_timeout(logged_in, home, clock):
    logged_in.states = [submission(SID, status="running", rows=[])]
    result = run("submit", str(solution(home)), "--timeout", "45")
    assert result.exit_code == 3
    assert "gave up waiting after 45 s: submission 7 is running" in result.output
    assert "mljudge status 7" in result.output
    # Each long-poll waits what is left, at most 20 s: 20 + 20 + 5.
    assert [p["wait"] for p in polls(logged_in)] == ["20", "20", "5"]


def test_a_server_without_long_poll_is_not_hammered(logged_in, home, clock):
    logged_in.long_poll_clock = None     # answers at once, every time
    logged_in.states = [submission(SID, status="queued", rows=[])]
    result = run("submit", str(solution(home)), "--timeout", "10")
    assert result.exit_code == 3
    assert len(polls(logged_in)) <= 11 and clock.sleeps and all(s >= 1 for s in clock.sleeps)


def test_ctrl_c_stops_waiting_and_names_the_submission(logged_in, home):
    logged_in.states = [submission(SID, status="running", rows=[]), KeyboardInterrupt()]
    result = run("submit", str(solution(home)))
    assert result.exit_code == 130
    assert "stopped waiting; submission 7 goes on being graded" in result.output


def test_no_wait_prints_the_id_and_does_not_poll(logged_in, home):
    result = run("submit", str(solution(home)), "--no-wait")
    assert result.exit_code == 0 and "mljudge status 7" in result.output
    assert polls(logged_in) == []


# --- results ----------------------------------------------------------------------------------------

def test_status_shows_a_graded_submission_and_its_exit_status(logged_in):
    logged_in.states = [submission(SID, status="graded", rows=[public_row("basic"), hidden_row(1, "time_limit_"
                                                                                               "exceeded")],
                                   verdict="time_limit_exceeded")]
    result = run("status", str(SID))
    assert result.exit_code == 1
    assert "Time limit exceeded" in result.output and "hidden 1" in result.output
    assert polls(logged_in) == [{}]


def test_history_passes_its_filters_and_stops_at_the_limit(logged_in):
    logged_in.states = [submission(n, status="graded", rows=[public_row("basic")], verdict="accepted")
                        for n in range(30)]
    result = run("history", "--problem", "softmax", "--verdict", "accepted", "--limit", "5")
    assert result.exit_code == 0, result.output
    params = dict(logged_in.requests[-1].url.params)
    assert params == {"problem": "softmax", "verdict": "accepted", "limit": "5", "offset": "0"}
    assert "5 submissions" in result.output


def test_leaderboard_shows_the_rows(logged_in):
    result = run("leaderboard", "--period", "30d")
    assert result.exit_code == 0, result.output
    assert dict(logged_in.requests[-1].url.params) == {"period": "30d"}
    assert "Ada" in result.output and "bob" in result.output and "12.5" in result.output
    result = run("leaderboard", "--problem", "softmax")
    assert logged_in.requests[-1].url.path == "/api/v1/leaderboards/problems/softmax"


def test_a_page_that_is_not_the_api_says_so(logged_in, home):
    logged_in.submit_answer = httpx.Response(404, text="<h1>Not Found</h1>", headers={"Content-Type": "text/html"})
    result = run("submit", str(solution(home)))
    assert result.exit_code == 4
    assert "answered HTTP 404 to /api/v1/problems/softmax/submissions, without an API error" in result.output


# --- instructors and authors ------------------------------------------------------------------------

def test_export_writes_the_csv_as_the_site_sent_it(logged_in, home):
    logged_in.scopes = ("read", "review")
    result = run("export", "12")
    assert result.exit_code == 0 and result.stdout_bytes == b"user,verdict\r\nada,accepted\r\n"
    assert logged_in.requests[-1].url.raw_path == b"/api/v1/cohorts/12/export?format=csv"
    result = run("export", "12", "--format", "json", "-o", str(home / "c.json"))
    assert result.exit_code == 0 and json.loads((home / "c.json").read_text())["rows"][0]["username"] == "ada"


def test_export_without_the_review_scope_exits_4_naming_it(logged_in):
    result = run("export", "12")
    assert result.exit_code == 4 and "lacks the 'review' scope" in result.output


def test_rejudge_queues_the_submission(logged_in):
    logged_in.scopes = ("review",)
    result = run("rejudge", "41")
    assert result.exit_code == 0 and "Submission 41 queued for rejudging (queued)" in result.output
    assert (logged_in.requests[-1].method, logged_in.requests[-1].url.path) == (
        "POST", "/api/v1/review/submissions/41/rejudge")


def test_sync_starts_and_follows_a_sync(logged_in, clock):
    logged_in.scopes = ("author",)
    result = run("sync", "--sandbox-check", "--wait")
    assert result.exit_code == 0, result.output
    assert logged_in.bodies == [{"sandbox_check": True}]
    assert "Sync 3 started (queued)" in result.output and "Sync 3: Done" in result.output
    assert "unchanged" in result.output and clock.sleeps == [2.0, 2.0]


def test_a_failed_sync_exits_1(logged_in, clock):
    logged_in.scopes = ("author",)
    logged_in.syncs = ["failed"]
    result = run("sync", "--wait")
    assert result.exit_code == 1 and "Sync 3: Failed" in result.output


# --- a malformed site -------------------------------------------------------------------------------

MALFORMED_COMMANDS = {
    "login": ["login", "--url", URL, "--token", TOKEN],
    "whoami": ["whoami"],
    "list": ["list"],
    "pick": ["pick", "softmax", "--dir", "{home}/work"],
    "test": ["test", "{home}/softmax.py"],
    "submit": ["submit", "{home}/softmax.py"],
    "submit (its wait)": ["submit", "{home}/softmax.py"],
    "status": ["status", str(SID)],
    "status --wait": ["status", str(SID), "--wait"],
    "history": ["history"],
    "leaderboard": ["leaderboard"],
    "leaderboard --problem": ["leaderboard", "--problem", "softmax"],
    "export --format json": ["export", "12", "--format", "json", "-o", "{home}/c.json"],
    "rejudge": ["rejudge", "41"],
    "sync": ["sync"],
    "sync --wait (its poll)": ["sync", "--wait"],
}


@pytest.mark.parametrize("body", [["not", "an", "object"], "a string", 42], ids=["array", "string", "number"])
@pytest.mark.parametrize("name", list(MALFORMED_COMMANDS))
def test_an_answer_that_is_not_a_json_object_exits_3_for_every_command(logged_in, home, name, body):
    solution(home)
    logged_in.scopes = ("read", "submit", "review", "author")
    logged_in.states = [submission(SID, status="running", rows=[])]
    logged_in.malformed = body
    if "(" in name:   # the command's first call answers well; the one named in brackets does not
        logged_in.malformed_method = "GET"
    stored = config.config_path().read_text()
    result = run(*(arg.format(home=home) for arg in MALFORMED_COMMANDS[name]))
    assert result.exit_code == 3, (result.output, result.exception)
    assert not isinstance(result.exception, (AttributeError, TypeError, KeyError))
    assert "not a JSON object" in result.output.replace("\n", " ")
    for success in ("queued for rejudging", "Logged in", "Sync 3:", "Accepted", "Ada"):   # none is claimed
        assert success not in result.output
    assert config.config_path().read_text() == stored                           # login saved nothing
    assert not (home / "work").exists() and not (home / "c.json").exists()      # pick and export wrote nothing


def test_export_says_what_it_exports():
    result = run("export", "--help")
    assert result.exit_code == 0
    text = " ".join(result.output.replace("│", " ").split())
    assert "best score per problem per member" in text and "submissions" not in text
