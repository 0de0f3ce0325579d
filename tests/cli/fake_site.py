"""A fake mljudge site for the CLI's tests: an httpx.MockTransport handler that answers the API contract's shapes
(docs/api.md) from a little state, and records every request it gets."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import unquote

import httpx

TOKEN = "mlj_good-token"
URL = "http://judge.test"

STARTER = "import numpy as np\n\n\ndef softmax(x, axis=-1):\n    raise NotImplementedError\n"


def error(status: int, reason: str, message: str) -> httpx.Response:
    return httpx.Response(status, json={"error": {"reason": reason, "message": message, "status": status}})


def problem_summary(slug: str, **kw) -> dict:
    return {"slug": slug, "title": kw.get("title", slug.title()), "kind": kw.get("kind", "function"),
            "difficulty": kw.get("difficulty", "easy"), "topics": ["foundations"], "solved": kw.get("solved", False),
            "url": f"/api/v1/problems/{slug}"}


def softmax_detail() -> dict:
    return {**problem_summary("softmax", title="Numerically stable softmax"),
            "statement_md": "Compute $\\mathrm{softmax}(x)$ along `axis`.", "statement_html": "<p>…</p>",
            "starter": STARTER, "entry_point": "softmax",
            "examples": [{"name": "basic", "input": {"x": [1.0, 2.0], "axis": -1},
                          "expected": [0.2689414213699951, 0.7310585786300049]}],
            "limits": {"time_s": 1.0, "memory_mb": 256}, "score_threshold": None, "metric": None, "version": 2}


def public_row(name: str, verdict: str = "accepted", **kw) -> dict:
    return {"name": name, "visibility": "public", "verdict": verdict, "passed": verdict == "accepted",
            "time_s": 0.0123, **kw}


def hidden_row(ordinal: int, verdict: str = "accepted", category: str = "") -> dict:
    return {"visibility": "hidden", "ordinal": ordinal, "verdict": verdict, "time_s": 0.1, "category": category}


def submission(sid: int, *, status: str, rows: list[dict], total: int | None = 3, verdict: str | None = None,
               mode: str = "submit", report_extra: dict | None = None, queue_position: int | None = None) -> dict:
    final = status not in ("queued", "running")
    passed = sum(1 for r in rows if r["verdict"] == "accepted")
    report = None
    if status == "graded":
        report = {"problem": "softmax", "problem_version": 2, "verdict": verdict, "score": passed / len(rows),
                  "tests": rows, "message": "", "stdout": "", "passed": passed, "total": len(rows), "time_s": 0.2,
                  "wall_time_s": 0.3, "peak_memory_kb": None, "sandbox": "docker-pool", "public_only": False,
                  "schema_version": 2, **(report_extra or {})}
    return {"id": sid, "problem": "softmax", "mode": mode, "status": status, "verdict": verdict,
            "score": report["score"] if report else None, "passed": passed if report else None,
            "total": len(rows) if report else None, "time_s": 0.2 if report else None,
            "created_at": "2026-12-04T12:00:00Z", "final": final, "queue_position": queue_position,
            "url": f"/api/v1/submissions/{sid}", "report": report,
            "progress": {"tests": [] if report else rows, "total": total}, "override": None}


@dataclass
class FakeSite:
    scopes: tuple = ("read", "submit")
    problems: list = field(default_factory=lambda: [problem_summary("softmax")])
    # What GET /submissions/{id} answers, one state after another (the last one repeats).
    states: list = field(default_factory=list)
    submit_answer: httpx.Response | None = None     # instead of 201, e.g. a refusal
    requests: list = field(default_factory=list)
    bodies: list = field(default_factory=list)
    next_id: int = 7
    syncs: list = field(default_factory=lambda: ["running", "done"])   # GET /authoring/syncs/{id}, in turn
    long_poll_clock: object = None                  # a FakeClock: a long-poll "holds" for its wait
    # A malformed site: every JSON answer with a 2xx status has this body instead (a list, a string, null…).
    malformed: object = None
    malformed_method: str | None = None             # ...only the answers to this method (GET, POST) if set
    events: list | None = None                      # if a list: ("request", path) appended as each one arrives

    def handle(self, request: httpx.Request) -> httpx.Response:
        response = self._handle(request)
        if self.malformed is not None and response.is_success \
                and self.malformed_method in (None, request.method) \
                and response.headers.get("Content-Type", "").startswith("application/json"):
            return httpx.Response(response.status_code, json=self.malformed)
        return response

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.events is not None:
            self.events.append(("request", request.url.path))
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return error(401, "token_invalid", "This token is not valid (mistyped, or revoked).")
        route = request.url.raw_path.decode().split("?")[0]
        assert route.startswith("/api/v1/"), route
        parts = [unquote(p) for p in route[len("/api/v1/"):].split("/")]
        method = request.method
        if parts == ["whoami"]:
            return httpx.Response(200, json={"username": "ada", "display_name": "Ada", "roles": [],
                                             "is_reviewer": False,
                                             "token": {"name": "cli", "prefix": "mlj_good-tok",
                                                       "scopes": list(self.scopes), "expires_at": None}})
        if parts == ["problems"]:
            return self._page(request, self.problems)
        if len(parts) == 2 and parts[0] == "problems":
            if parts[1] != "softmax":
                return error(404, "not_found", "No such problem.")
            return httpx.Response(200, json=softmax_detail())
        if len(parts) == 3 and parts[0] == "problems" and parts[2] == "submissions" and method == "POST":
            return self._submit(request, parts[1])
        if parts == ["submissions"]:
            return self._page(request, [s for s in self.states])
        if len(parts) == 2 and parts[0] == "submissions":
            return self._poll(request)
        if parts[0] in ("cohorts", "review", "authoring"):
            return self._staff(request, parts)
        if parts[0] == "leaderboards":
            return httpx.Response(200, json={"items": [
                {"rank": 1, "user": {"username": "ada", "display_name": "Ada"}, "points": 12.5, "solved": 3},
                {"rank": 2, "user": {"username": "bob", "display_name": ""}, "points": 7.0, "solved": 2}],
                "count": 2})
        return error(404, "not_found", "No such page.")

    def _staff(self, request: httpx.Request, parts: list[str]) -> httpx.Response:
        needed = "author" if parts[0] == "authoring" else "review"
        if needed not in self.scopes:
            return error(403, "scope_missing", f"This token lacks the '{needed}' scope; create a token with it.")
        if parts[0] == "cohorts" and parts[2:] == ["export"]:
            if request.url.params.get("format") == "json":
                return httpx.Response(200, json={"cohort": {"id": 12, "name": "ML 101", "members": 1},
                                                 "problems": ["softmax"],
                                                 "rows": [{"username": "ada", "display_name": "Ada",
                                                           "scores": {"softmax": 1.0}}]})
            return httpx.Response(200, text="user,verdict\r\nada,accepted\r\n", headers={"Content-Type": "text/csv"})
        if parts[0] == "review" and parts[-1] == "rejudge" and request.method == "POST":
            return httpx.Response(202, json={"id": int(parts[2]), "status": "queued"})
        if parts == ["authoring", "syncs"] and request.method == "POST":
            self.bodies.append(json.loads(request.content))
            return httpx.Response(202, json={"id": 3, "status": "queued", "url": "/api/v1/authoring/syncs/3"})
        if parts[:2] == ["authoring", "syncs"]:
            status = self.syncs.pop(0) if len(self.syncs) > 1 else self.syncs[0]
            return httpx.Response(200, json={"id": 3, "status": status, "url": "/api/v1/authoring/syncs/3",
                                             "outcomes": {"softmax": "unchanged"}})
        return error(404, "not_found", "No such cohort.")

    def _page(self, request: httpx.Request, items: list) -> httpx.Response:
        limit = int(request.url.params.get("limit", 20))
        offset = int(request.url.params.get("offset", 0))
        assert limit <= 100
        return httpx.Response(200, json={"items": items[offset:offset + limit], "count": len(items)})

    def _submit(self, request: httpx.Request, slug: str) -> httpx.Response:
        if "submit" not in self.scopes:
            return error(403, "scope_missing", "This token lacks the 'submit' scope; create a token with it.")
        body = json.loads(request.content)
        self.bodies.append(body)
        try:
            body["source"].encode("utf-8", "surrogatepass").decode("utf-8")
        except UnicodeDecodeError:
            return error(400, "source_not_utf8", "Your code was not submitted: the source is not valid UTF-8.")
        if slug != "softmax":
            return error(404, "not_found", "No such problem.")
        if self.submit_answer is not None:
            return self.submit_answer
        return httpx.Response(201, json={"id": self.next_id, "status": "queued", "mode": body["mode"],
                                         "queue_position": 1, "url": f"/api/v1/submissions/{self.next_id}"})

    def _poll(self, request: httpx.Request) -> httpx.Response:
        state = self.states.pop(0) if len(self.states) > 1 else self.states[0]
        if isinstance(state, BaseException):
            raise state
        if isinstance(state, httpx.Response):
            return state
        if self.long_poll_clock is not None and not state["final"]:
            self.long_poll_clock.now += float(request.url.params.get("wait", 0))
        return httpx.Response(200, json=state)


class FakeClock:
    def __init__(self):
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
