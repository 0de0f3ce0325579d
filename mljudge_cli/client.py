"""The one way the CLI speaks to a site: JSON over /api/v1 with a bearer token. Every failure becomes a CliError
with its exit status (errors.py), so no command shows a traceback for a network or server problem.

`http_client_factory` builds the httpx.Client; tests replace it to pass an httpx.MockTransport."""
from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import quote

import httpx

from .config import API_PREFIX
from .errors import Refusal, ServerFailed, Unreachable

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 30.0   # on top of a long-poll's own wait
PAGE_SIZE = 100         # the API's maximum page
MAX_OFFSET = 10_000     # the API's largest offset: a list is read up to there
MAX_PAGES = 200         # a server that never ends its list cannot keep us looping
USER_AGENT = "mljudge-cli/1"


def default_http_client(*, base_url: str, headers: dict, timeout: httpx.Timeout) -> httpx.Client:
    # No redirects: a token must never follow one to another host, and a redirect means the URL is not the
    # site's root (e.g. http → https, or a login page).
    return httpx.Client(base_url=base_url, headers=headers, timeout=timeout, follow_redirects=False)


http_client_factory = default_http_client


def path(*segments: object) -> str:
    """An API path from segments, each percent-encoded whole: a slug like "../whoami" stays one segment."""
    def one(segment: object) -> str:
        text = str(segment)
        if text in (".", ".."):   # unreserved characters, but clients and servers collapse them as segments
            return text.replace(".", "%2E")
        return quote(text, safe="")

    return "/" + "/".join(one(s) for s in segments)


class Api:
    def __init__(self, *, url: str, token: str):
        self.url = url
        self._http = http_client_factory(
            base_url=url + API_PREFIX,
            headers={"Authorization": f"Bearer {token}", "Accept": "application/json", "User-Agent": USER_AGENT},
            timeout=httpx.Timeout(READ_TIMEOUT_S, connect=CONNECT_TIMEOUT_S))

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "Api":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, api_path: str, params: dict | None = None, *, wait_s: float = 0) -> dict:
        timeout = httpx.Timeout(READ_TIMEOUT_S + wait_s, connect=CONNECT_TIMEOUT_S)
        return self._send("GET", api_path, params=_clean(params), timeout=timeout)

    def post(self, api_path: str, body: dict) -> dict:
        # ensure_ascii: a file that is not UTF-8 (read with surrogateescape) still goes out as valid JSON, and
        # the server, which owns the rule, says what is wrong with it.
        content = json.dumps(body, ensure_ascii=True).encode("ascii")
        return self._send("POST", api_path, content=content, headers={"Content-Type": "application/json"})

    def pages(self, api_path: str, params: dict | None = None, *, limit: int | None = None) -> Iterator[dict]:
        """Every item of a paginated list ({items, count}), page after page, up to `limit` items."""
        offset = 0
        for _ in range(MAX_PAGES):
            size = PAGE_SIZE if limit is None else min(PAGE_SIZE, limit - offset)
            if size <= 0 or offset > MAX_OFFSET:
                return
            page = self.get(api_path, {**(params or {}), "limit": size, "offset": offset})
            items = page.get("items")
            if not isinstance(items, list):
                raise ServerFailed(f"{self.url} answered a list without items")
            yield from items
            offset += len(items)
            count = page.get("count")
            if not items or (isinstance(count, int) and offset >= count):
                return

    def download(self, api_path: str, params: dict | None = None) -> bytes:
        """A body that is not JSON (a CSV export), as bytes; errors as for get()."""
        return self._checked(self._request("GET", api_path, params=_clean(params))).content

    def download_json(self, api_path: str, params: dict | None = None) -> bytes:
        """A JSON body to be saved as the site sent it (an export), checked as get() checks its answer."""
        response = self._checked(self._request("GET", api_path, params=_clean(params)))
        self._object(response, api_path)
        return response.content

    def _send(self, method: str, api_path: str, **kw) -> dict:
        return self._object(self._checked(self._request(method, api_path, **kw)), api_path)

    def _object(self, response: httpx.Response, api_path: str) -> dict:
        """The one check every command relies on: every API answer is a JSON object ({"items": [...]} for a
        list), so a command reads fields of a dict and never meets a list, a string or null instead."""
        try:
            body = response.json()
        except ValueError:
            kind = response.headers.get("Content-Type", "no content type").split(";")[0]
            raise ServerFailed(f"{self.url} answered HTTP {response.status_code} with {kind}, not JSON",
                               hint="is this the root URL of an mljudge site?") from None
        if not isinstance(body, dict):
            raise ServerFailed(f"{self.url} answered {_json_kind(body)} to {API_PREFIX}{api_path}, not a JSON "
                               f"object", hint="is this the root URL of an mljudge site, serving this client's "
                                               "API (v1)?")
        return body

    def _request(self, method: str, api_path: str, **kw) -> httpx.Response:
        try:
            return self._http.request(method, api_path, **kw)
        except httpx.TimeoutException:
            raise Unreachable(f"cannot reach {self.url}: no answer in time") from None
        except httpx.HTTPError as exc:
            raise Unreachable(f"cannot reach {self.url}: {_reason(exc)}") from None

    def _checked(self, response: httpx.Response) -> httpx.Response:
        """The response if it is a success; else the CliError its status means."""
        status = response.status_code
        if 300 <= status < 400:
            where = response.headers.get("Location", "elsewhere")
            raise ServerFailed(f"{self.url} redirects API requests to {where}",
                               hint="log in with the site's exact root URL (https://…)")
        if status < 400:
            return response
        try:
            body = response.json()
        except ValueError:
            body = None
        if status >= 500:
            raise ServerFailed(f"the server failed (HTTP {status}){_said(body)}",
                               hint="this is not your code's fault; try again later")
        raise _refusal(body, status=status, url=self.url, asked=str(response.request.url.path))


def _clean(params: dict | None) -> dict:
    return {k: v for k, v in (params or {}).items() if v is not None and v != ""}


def _json_kind(value) -> str:
    if value is None:
        return "null"
    names = {bool: "a JSON boolean", int: "a JSON number", float: "a JSON number", str: "a JSON string",
             list: "a JSON array"}
    return names.get(type(value), "JSON")


def _reason(exc: httpx.HTTPError) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


def _error(body) -> dict:
    error = body.get("error") if isinstance(body, dict) else None
    return error if isinstance(error, dict) else {}


def _said(body) -> str:
    message = _error(body).get("message")
    return f": {message}" if isinstance(message, str) and message else ""


def _refusal(body, *, status: int, url: str, asked: str) -> Refusal:
    error = _error(body)
    reason = str(error.get("reason") or "")
    message = error.get("message") if isinstance(error.get("message"), str) else ""
    hint = ""
    if not message:   # not the API's error shape: a proxy's page, or a site without this endpoint
        message = f"{url} answered HTTP {status} to {asked}, without an API error"
        hint = "is it an mljudge site, and is this client's API (v1) the one it serves?"
    if status == 401:
        hint = "run `mljudge login` again with a valid token"
    elif reason == "scope_missing":
        hint = f"create a token with that scope at {url}/accounts/tokens/ and run `mljudge login` again"
    return Refusal(message, reason=reason, status=status, hint=hint)
