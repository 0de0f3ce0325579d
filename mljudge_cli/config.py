"""Where the client keeps the site's URL and the token: `config.json` in the user's config directory (platformdirs:
$XDG_CONFIG_HOME/mljudge on Linux), mode 0600 in a 0700 directory; a file others can read or write is refused, as
ssh refuses such a key. MLJUDGE_URL and MLJUDGE_TOKEN override the file (CI sets them as secrets and never logs in),
but the stored token goes only to the stored site: MLJUDGE_URL naming another site needs MLJUDGE_TOKEN as well."""
from __future__ import annotations

import json
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import platformdirs

from .errors import UsageError

APP_NAME = "mljudge"
FILE_NAME = "config.json"
ENV_URL = "MLJUDGE_URL"
ENV_TOKEN = "MLJUDGE_TOKEN"
API_PREFIX = "/api/v1"


@dataclass(frozen=True)
class Login:
    url: str     # the site's root, normalised (no trailing slash, no /api/v1)
    token: str


def config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / FILE_NAME


def normalise_url(raw: str) -> str:
    """The site's root from what a user types: scheme required (http or https), no trailing slash; a pasted
    API URL (…/api/v1) is taken back to the root."""
    text = raw.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"not a site URL: {text!r}", hint="give it as https://host[:port] (the site's root)")
    path = parts.path.rstrip("/")
    if path.endswith(API_PREFIX):
        path = path[: -len(API_PREFIX)]
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def read_file(*, check_mode: bool = True) -> dict:
    """The stored {url, token} (empty if there is none); a corrupt file is a usage error, never a traceback. With
    `check_mode`, a file others may read or write is refused (its token may be known; its URL may have been
    changed to send the token elsewhere); `login` reads only the URL, to offer it, and rewrites the file 0600."""
    path = config_path()
    try:
        with open(path, encoding="utf-8") as fh:
            mode = stat.S_IMODE(os.fstat(fh.fileno()).st_mode)   # the file read, not whatever the path names now
            raw = fh.read()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    if check_mode and too_open(mode):
        raise UsageError(f"{path} is accessible by others (mode {mode:04o}): not using the token in it",
                         hint=f"run `chmod 600 {path}` (and revoke the token on the site if others may have "
                              f"read it), or `mljudge login` again")
    try:
        data = json.loads(raw)
    except ValueError:
        raise UsageError(f"{path} is not valid JSON", hint="run `mljudge login` again to rewrite it") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path} is not an mljudge config", hint="run `mljudge login` again to rewrite it")
    return {key: data[key] for key in ("url", "token") if isinstance(data.get(key), str)}


def too_open(mode: int) -> bool:
    """Readable or writable by anyone but its owner (a copy from elsewhere, an old umask)."""
    return bool(mode & 0o077)


def current(*, env: dict | None = None) -> Login:
    """The URL and token in effect. The environment's, each overriding the file's, except that the stored token
    is sent only to the stored URL: MLJUDGE_URL naming another site without MLJUDGE_TOKEN is a usage error (a
    stale or mistyped variable must not hand the token to another host). The file is not read at all when both
    variables are set."""
    env = os.environ if env is None else env
    env_url, env_token = (env.get(ENV_URL) or "").strip(), (env.get(ENV_TOKEN) or "").strip()
    stored = {} if env_url and env_token else read_file()
    if env_url and not env_token and stored.get("token"):
        url = normalise_url(env_url)
        if url != _normalised_or_none(stored.get("url")):
            raise UsageError(f"{ENV_URL} names {url}, not the site you logged in to: the stored token is sent "
                             f"only to the stored site",
                             hint=f"set {ENV_TOKEN} to a token of {url} as well, or unset {ENV_URL}")
    url = env_url or stored.get("url")
    token = env_token or stored.get("token")
    if not url or not token:
        raise UsageError("not logged in", hint=f"run `mljudge login` (or set {ENV_URL} and {ENV_TOKEN})")
    return Login(url=normalise_url(url), token=token.strip())


def _normalised_or_none(raw: str | None) -> str | None:
    try:
        return normalise_url(raw) if raw else None
    except UsageError:
        return None


def save(login: Login) -> Path:
    """Writes the file atomically: the temporary file is created 0600 (mkstemp), filled, synced and renamed over
    the old one, so the token is never in a file others can read, not even for an instant, and a crash leaves
    the old file or the new one, never half of one."""
    path = config_path()
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(directory, 0o700)   # ours alone, even if it existed with a laxer mode
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".config-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"url": login.url, "token": login.token}, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def remove() -> Path | None:
    """Deletes the stored login; the path if there was one."""
    path = config_path()
    try:
        path.unlink()
    except FileNotFoundError:
        return None
    return path
