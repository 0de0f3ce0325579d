"""The problem a worker grades: exactly the version the submission was made against (a rejudge: the version
it claimed, the current one), never whatever this host's problems/ folder happens to hold.

A version is named by its content hash (grader.Problem.content_hash). At sync, grading.problems packs the
folder's grading files (grader.problem.GRADING_FILES, no wrong/) into a bundle that problemset.services keeps
in the database (ProblemBundle), where every host can read it. A worker whose folder has the wanted hash
grades from the folder; otherwise it unpacks the version's bundle into a cache under var/ (one directory per
hash, renamed into place whole, the least recently used evicted past CACHE_VERSIONS) and grades from there.
With no usable bundle it raises VersionUnavailable, and the caller hands the row back to the queue
(grading.states.submission_hand_back): another host may hold that folder; the user is never blamed."""
from __future__ import annotations

import gzip
import io
import logging
import os
import re
import shutil
import tarfile
import threading
import time
import uuid
import zlib
from collections import OrderedDict
from pathlib import Path

import grader
from django.conf import settings
from grader.problem import GRADING_FILES

logger = logging.getLogger("mljudge.grading")

BUNDLE_MAX_BYTES = 8 << 20   # compressed; a sync refuses a larger folder (grading.problems)
UNPACKED_MAX_BYTES = 64 << 20
CACHE_VERSIONS = 32          # unpacked versions kept on disk per host
MEMORY_VERSIONS = 8          # loaded versions (cases, expected outputs) kept per process
_HASH_RE = re.compile(r"^[0-9a-f]{64}$")


class BundleTooLarge(ValueError):
    pass


class VersionUnavailable(Exception):
    """This host cannot grade that version: its folder holds another one and the database has no usable
    bundle of it. Nobody's fault yet; another host, or a later sync, may have it."""

    def __init__(self, *, slug: str, content_hash: str, reason: str):
        self.slug, self.content_hash, self.reason = slug, content_hash, reason
        super().__init__(f"{slug} version {content_hash[:12]}: {reason}")


# --- bundles -----------------------------------------------------------------------------------------

def bundle_pack(folder: Path) -> bytes:
    """The folder's grading files as a gzipped tar; the same files give the same bytes (no times, no owners)."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz, tarfile.open(fileobj=gz, mode="w") as tar:
        for name in GRADING_FILES:
            path = folder / name
            if path.is_file():
                data = path.read_bytes()
                info = tarfile.TarInfo(name)
                info.size, info.mode, info.mtime = len(data), 0o644, 0
                tar.addfile(info, io.BytesIO(data))
    if buf.tell() > BUNDLE_MAX_BYTES:
        raise BundleTooLarge(f"the grading files take {buf.tell():,} bytes compressed; at most "
                             f"{BUNDLE_MAX_BYTES:,} can be shipped to worker hosts")
    return buf.getvalue()


def bundle_unpack(data: bytes, dest: Path) -> None:
    """Writes a bundle's files into dest (created). Only the grading files' names, as regular files, within a
    size bound: anything else means the bytes are not one of our bundles (ValueError)."""
    dest.mkdir(parents=True)
    total = 0
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            for member in tar:
                total += member.size
                if not member.isfile() or member.name not in GRADING_FILES or total > UNPACKED_MAX_BYTES:
                    raise ValueError(f"unexpected bundle member {member.name!r}")
                (dest / member.name).write_bytes(tar.extractfile(member).read())
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"unreadable bundle: {exc}") from exc


# --- this host's cache of unpacked versions --------------------------------------------------------------

def cache_root() -> Path:
    return Path(settings.VAR_DIR) / "problem-versions"


def _unpacked(*, slug: str, content_hash: str) -> Path:
    """<cache>/<hash>/<slug>/ holding the version's grading files (load_problem needs the slug as the folder's
    name). Unpacked into a private directory and renamed into place, so no process sees half a version."""
    from mljudge.problemset.models import ProblemBundle

    root = cache_root()
    entry = root / content_hash
    folder = entry / slug
    if folder.is_dir():
        os.utime(entry)  # recently used: eviction goes by modification time
        return folder
    row = ProblemBundle.objects.filter(content_hash=content_hash).values_list("slug", "data").first()
    if row is None:
        raise VersionUnavailable(slug=slug, content_hash=content_hash, reason="no bundle in the database "
                                 "(synced before bundles were stored? sync the problem again)")
    if row[0] != slug:
        raise VersionUnavailable(slug=slug, content_hash=content_hash, reason=f"the bundle is {row[0]!r}'s")
    root.mkdir(parents=True, exist_ok=True)
    tmp = root / f".tmp-{uuid.uuid4().hex}"
    try:
        bundle_unpack(bytes(row[1]), tmp / slug)
        try:
            os.rename(tmp, entry)
        except OSError:
            if not folder.is_dir():  # not "another process renamed its copy first"
                raise
    except ValueError as exc:
        raise VersionUnavailable(slug=slug, content_hash=content_hash, reason=str(exc)) from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    logger.info("problem %s version %s unpacked from its bundle into %s", slug, content_hash[:12], folder)
    _evict(root, keep=entry)
    return folder


def _evict(root: Path, *, keep: Path) -> None:
    """Keeps at most CACHE_VERSIONS unpacked versions (least recently used go first) and drops leftovers of
    unpacks that crashed. A version is renamed away before it is deleted, so a reader finds it whole or not
    at all (and then unpacks it again)."""
    entries, now = [], time.time()
    for path in root.iterdir():
        try:
            mtime = path.stat().st_mtime
        except OSError:
            continue
        if path.name.startswith("."):
            if now - mtime > 3600:
                shutil.rmtree(path, ignore_errors=True)
        elif path != keep:
            entries.append((mtime, path))
    entries.sort()
    for _, path in entries[:max(0, len(entries) + 1 - CACHE_VERSIONS)]:
        trash = root / f".trash-{uuid.uuid4().hex}"
        try:
            os.rename(path, trash)
        except OSError:
            continue  # another process evicted it
        shutil.rmtree(trash, ignore_errors=True)


# --- loaded problems ---------------------------------------------------------------------------------

_lock = threading.Lock()
_local: dict[str, tuple[str, grader.Problem]] = {}          # slug -> (hash, problem) from this host's folder
_pinned: OrderedDict[str, grader.Problem] = OrderedDict()   # hash -> problem unpacked from its bundle


def _local_problem(slug: str) -> tuple[str, grader.Problem]:
    loaded = grader.load_problem(settings.MLJUDGE_PROBLEMS_DIR / slug)
    key = loaded.content_hash()
    with _lock:
        cached = _local.get(slug)
        if cached and cached[0] == key:
            return cached
        _local[slug] = (key, loaded)
    return key, loaded


def local_problem(slug: str) -> grader.Problem:
    """This host's problems/<slug> as it is now, loaded once per content hash (cases and expected outputs
    are then reused). For what a page shows; grading asks grading_problem."""
    return _local_problem(slug)[1]


def grading_problem(*, slug: str, content_hash: str | None) -> grader.Problem:
    """The problem as version `content_hash` grades it: this host's folder if it is that version, else the
    version's bundle. None: this host's folder as it is (a submission from before versions were recorded).
    Raises VersionUnavailable (hand the task back) or grader.ProblemError (the version itself is broken)."""
    try:
        key, local = _local_problem(slug)
    except grader.ProblemError:
        if content_hash is None:
            raise
        key, local = "", None  # this host's folder is missing or broken: the bundle may still serve
    if local is not None and content_hash in (None, key):
        return local
    if not _HASH_RE.match(content_hash) or not grader.problem.SLUG_RE.match(slug):
        raise VersionUnavailable(slug=slug, content_hash=content_hash, reason="not a version name")
    with _lock:
        pinned = _pinned.get(content_hash)
        if pinned is not None and pinned.folder.is_dir():
            _pinned.move_to_end(content_hash)
            return pinned
    logger.info("problem %s: this host's folder is version %s, grading needs %s: using its bundle", slug,
                key[:12] or "(none)", content_hash[:12])
    pinned = grader.load_problem(_unpacked(slug=slug, content_hash=content_hash), for_grading=True)
    if pinned.content_hash() != content_hash:
        shutil.rmtree(pinned.folder.parent, ignore_errors=True)  # never serve it again; unpack afresh next time
        raise VersionUnavailable(slug=slug, content_hash=content_hash, reason="the bundle's files are another "
                                 "version")
    with _lock:
        _pinned[content_hash] = pinned
        while len(_pinned) > MEMORY_VERSIONS:
            _pinned.popitem(last=False)
    return pinned


def version_hash(version_id: int | None) -> str | None:
    """The content hash of a ProblemVersion row (None for none: grade this host's folder as it is)."""
    from mljudge.problemset.models import ProblemVersion

    if version_id is None:
        return None
    return ProblemVersion.objects.filter(id=version_id).values_list("content_hash", flat=True).first()
