"""Problem folders: loading and schema validation. See docs/authoring.md for the format.

Loading runs the folder's cases.py (authors' code, trusted) on the grader side only."""
from __future__ import annotations

import ast
import dataclasses
import enum
import hashlib
import importlib.util
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import codec
from .report import failure_category
from .inputs import InputSpace, fit_errors, parse_inputs
from .learning import LearningTexts, load_learning
from .sandbox.base import CaseInput, Limits
from .sandbox.runtimes import Runtime, default_limits


class Kind(enum.StrEnum):
    FUNCTION = "function"
    SCORED = "scored"
    DESIGN = "design"
    MODULE = "module"      # torch: an nn.Module subclass, its output and parameter gradients compared
    AUTOGRAD = "autograd"  # torch: an autograd.Function subclass, output and gradients compared, gradcheck


# Kinds whose entry point is a class, run by a procedure of grader/torchrun.py; only the torch runtime has them.
TORCH_KINDS = (Kind.MODULE, Kind.AUTOGRAD)
# Keys a case may have beyond name/public/args/kwargs/target/covers/category, per kind (docs/authoring.md).
CASE_SPEC_KEYS = {Kind.MODULE: ("init", "state", "upstream", "train"), Kind.AUTOGRAD: ("upstream",)}


class Difficulty(enum.StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class ProblemError(Exception):
    """A malformed problem folder. `errors` holds one 'file: field: what is wrong' line per problem."""

    def __init__(self, folder: Path, errors: list[str]):
        self.folder = folder
        self.errors = errors
        super().__init__(f"{folder}: " + "; ".join(errors))


@dataclass(frozen=True)
class Case:
    name: str
    public: bool
    args: list
    kwargs: dict
    target: Any = None  # scored problems only: what the predictions are scored against; never sent out
    covers: tuple[str, ...] = ()  # the [edges] rules this case exercises
    spec: dict | None = None  # module/autograd problems: init, state, upstream, train (CASE_SPEC_KEYS)
    category: str = ""  # hidden cases: the kind of case, the one thing a solver who fails it is told

    @property
    def failure_category(self) -> str:
        """What a solver who fails this (hidden) case is told (grader.report.failure_category)."""
        return failure_category(category=self.category, covers=self.covers)

    def as_input(self, probes: list | None = None) -> CaseInput:
        """What the sandbox receives. `probes` (autograd problems): the gradcheck's points, made on the
        trusted side (grader/torchcheck.py)."""
        spec = dict(self.spec or {})
        if probes:
            spec["probes"] = probes
        return CaseInput(args=self.args, kwargs=self.kwargs, spec=spec or None)


@dataclass(frozen=True)
class Criterion:
    name: str
    points: float
    description: str


@dataclass
class Problem:
    folder: Path
    slug: str
    title: str
    kind: Kind
    difficulty: Difficulty
    topics: list[str]
    version: int
    statement: str
    runtime: Runtime = Runtime.NUMPY  # which runner image and warm pool run its code
    entry_point: str = ""
    starter: str = ""
    limits: Limits = field(default_factory=Limits)
    checker: dict = field(default_factory=dict)
    scoring: dict = field(default_factory=dict)
    rubric: list[Criterion] = field(default_factory=list)
    wrong: dict[str, str] = field(default_factory=dict)  # file name -> source
    inputs: InputSpace = field(default_factory=InputSpace)
    learning: LearningTexts = field(default_factory=LearningTexts)  # hints, learn text, editorial
    # Loaded once per Problem object; a long-lived process keeps the object while the folder is unchanged.
    _cases: list[Case] | None = field(default=None, repr=False)
    _modules: dict[str, Any] = field(default_factory=dict, repr=False)
    _expected: dict[str, Any] | None = field(default=None, repr=False)
    _fingerprints: dict[str, dict] | None = field(default=None, repr=False)

    def trusted(self, name: str):
        """The author's module `name` (checker, reference), imported once per loaded problem."""
        if name not in self._modules:
            self._modules[name] = import_trusted(self.folder, name)
        return self._modules[name]

    def cases(self) -> list[Case]:
        if self._cases is None:
            self._cases = load_cases(self)
        return self._cases

    @property
    def score_range(self) -> tuple[float | None, float | None]:
        """The scores a grade can have (None: unbounded on that side): a function problem's score is the
        fraction of tests passed, a design answer's the fraction of rubric points, a scored problem's its
        metric's value."""
        if self.kind is Kind.SCORED:
            from .scoring import METRIC_RANGES

            return METRIC_RANGES[self.scoring["metric"]]
        return (0.0, 1.0)

    def tensor_positions(self, case: Case) -> dict:
        """Which of a case's arrays the torch harness hands over as tensors: every one for the module and
        autograd kinds (a forward takes tensors), the ones declared `type = "tensor"` otherwise."""
        if self.kind in TORCH_KINDS:
            return {"all": True}
        return self.inputs.tensor_positions(case.args, case.kwargs)

    def content_hash(self) -> str:
        """Hash of everything that decides a grade (not the statement or wrong solutions)."""
        h = hashlib.sha256()
        for name in GRADED_FILES:
            path = self.folder / name
            if path.exists():
                h.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
        return h.hexdigest()


# The files that decide a grade (content_hash), and every file grading reads from a folder: the platform
# ships exactly these to worker hosts whose own folder is another version (no wrong/, no hints or editorial).
GRADED_FILES = ("problem.toml", "reference.py", "cases.py", "checker.py", "scorer.py")
GRADING_FILES = (*GRADED_FILES, "statement.md", "starter.py")

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
CHECKER_TYPES = ("allclose", "exact", "custom")
CATEGORY_MAX_CHARS = 40
# One line, lowercase, no leading/trailing blanks: a solver reads it next to a failed hidden test.
CATEGORY_RE = re.compile(r"^[a-z0-9](?:[a-z0-9 ,;:'()/+_.-]{0,%d}[a-z0-9)])?\Z" % (CATEGORY_MAX_CHARS - 2))
LIMIT_FIELDS = {"time_per_case_s": float, "import_s": float, "memory_mb": int, "output_kb": int}


# The Markdown a folder holds (the site renders each at sync) and the most each may hold: rendering is linear,
# but pure-Python Markdown costs up to ~5 µs per hostile character (a flood of brackets), so the cap is what
# bounds a sync's rendering cost (tests/platform/security/test_markdown.py); the longest statement is 6 kB.
MARKDOWN_FILES = ("statement.md", "hints.md", "learn.md", "editorial.md", "exemplar.md")
MARKDOWN_MAX_CHARS = 50_000


def load_problem(folder: str | Path, *, for_grading: bool = False) -> Problem:
    """Reads and validates a problem folder's metadata and files; raises ProblemError listing every fault.
    for_grading: the folder holds GRADING_FILES only (a version shipped to a worker host), so wrong/ is not
    required; everything a grade reads is still validated."""
    folder = Path(folder)
    errors: list[str] = []
    if not folder.is_dir():
        raise ProblemError(folder, ["not a folder"])
    meta_path = folder / "problem.toml"
    try:
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProblemError(folder, ["problem.toml: missing"]) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProblemError(folder, [f"problem.toml: not valid TOML ({exc})"]) from None

    def need(key: str, typ: type, where: dict = meta, prefix: str = ""):
        value = where.get(key)
        if value is None:
            errors.append(f"problem.toml: {prefix}{key}: required")
        elif not isinstance(value, typ) or isinstance(value, bool) and typ is not bool:
            errors.append(f"problem.toml: {prefix}{key}: must be {typ.__name__}, got {type(value).__name__}")
            return None
        return value

    slug = need("slug", str)
    if slug is not None and (not SLUG_RE.match(slug) or slug != folder.name):
        errors.append(f"problem.toml: slug: {slug!r} must be lowercase-with-dashes and equal the folder "
                      f"name {folder.name!r}")
    title = need("title", str)

    def need_choice(key: str, choices: type[enum.StrEnum]):
        value = need(key, str)
        if value is None:
            return None
        try:
            return choices(value)
        except ValueError:
            errors.append(f"problem.toml: {key}: must be one of {', '.join(choices)}, got {value!r}")
            return None

    kind = need_choice("kind", Kind)
    difficulty = need_choice("difficulty", Difficulty)
    topics = need("topics", list)
    if topics is not None and (not topics or not all(isinstance(t, str) and t for t in topics)):
        errors.append("problem.toml: topics: must be a non-empty list of strings")
    version = need("version", int)
    if version is not None and version < 1:
        errors.append("problem.toml: version: must be 1 or more")
    runtime = Runtime.NUMPY
    if "runtime" in meta:
        runtime = need_choice("runtime", Runtime) or Runtime.NUMPY
    if kind in TORCH_KINDS and runtime is not Runtime.TORCH:
        errors.append(f"problem.toml: kind: {kind.value!r} problems need runtime = \"torch\"")
    known = {"slug", "title", "kind", "difficulty", "topics", "version", "entry_point", "limits", "checker",
             "scoring", "inputs", "edges", "runtime"}
    for key in sorted(set(meta) - known):
        errors.append(f"problem.toml: {key}: unknown field")

    statement = _read_text(folder / "statement.md", errors)
    for name in MARKDOWN_FILES:
        text = _read_text(folder / name, []) if (folder / name).is_file() else None
        if text is not None and len(text) > MARKDOWN_MAX_CHARS:
            errors.append(f"{name}: {len(text):,} characters; at most {MARKDOWN_MAX_CHARS:,}")
    problem_kwargs: dict[str, Any] = {"runtime": runtime}
    if kind in (Kind.FUNCTION, Kind.SCORED, *TORCH_KINDS):
        entry = need("entry_point", str)
        if entry is not None and not IDENT_RE.match(entry):
            errors.append(f"problem.toml: entry_point: {entry!r} is not a Python identifier")
        problem_kwargs["entry_point"] = entry or ""
        problem_kwargs["limits"] = _limits(meta.get("limits", {}), errors, runtime)
        starter = _read_text(folder / "starter.py", errors)
        problem_kwargs["starter"] = starter or ""
        for name, src in (("starter.py", starter), ("reference.py", _read_text(folder / "reference.py", errors))):
            if src is not None and entry:
                _check_defines(name, src, entry, errors, cls=kind in TORCH_KINDS)
        if not (folder / "cases.py").is_file():
            errors.append("cases.py: missing")
        wrong_dir = folder / "wrong"
        wrong = {p.name: p.read_text(encoding="utf-8") for p in sorted(wrong_dir.glob("*.py"))} \
            if wrong_dir.is_dir() else {}
        if not wrong and not for_grading:
            errors.append("wrong/: at least one wrong solution (wrong/*.py) is required")
        problem_kwargs["wrong"] = wrong
        problem_kwargs["inputs"] = parse_inputs(meta.get("inputs"), meta.get("edges"), errors)
        if runtime is not Runtime.TORCH:
            errors.extend(f"problem.toml: inputs.{a.name}.type: \"tensor\" needs runtime = \"torch\""
                          for a in problem_kwargs["inputs"].args if "tensor" in a.types)
        if kind is not Kind.SCORED:
            problem_kwargs["checker"] = _checker(meta.get("checker", {"type": "allclose"}), folder, errors)
            if kind in TORCH_KINDS and problem_kwargs["checker"].get("type") == "custom":
                errors.append(f"problem.toml: checker.type: {kind} problems compare with allclose or exact")
        else:
            problem_kwargs["scoring"] = _scoring(meta.get("scoring"), folder, errors)
    elif kind is Kind.DESIGN:
        for key in ("entry_point", "checker", "limits", "scoring", "inputs", "edges", "runtime"):
            if key in meta:
                errors.append(f"problem.toml: {key}: not used by design problems")
        problem_kwargs["rubric"] = _rubric(folder, errors)
        _read_text(folder / "exemplar.md", errors)

    if errors:
        raise ProblemError(folder, errors)
    return Problem(folder=folder, slug=slug, title=title, kind=kind, difficulty=difficulty, topics=topics,
                   version=version, statement=statement, learning=load_learning(folder), **problem_kwargs)


def _read_text(path: Path, errors: list[str]) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        errors.append(f"{path.name}: missing")
    except UnicodeDecodeError:
        errors.append(f"{path.name}: not UTF-8")
    return None


def _check_defines(filename: str, source: str, entry: str, errors: list[str], *, cls: bool = False) -> None:
    try:
        tree = ast.parse(source, filename)
    except SyntaxError as exc:
        errors.append(f"{filename}: line {exc.lineno}: syntax error: {exc.msg}")
        return
    defs = (ast.ClassDef,) if cls else (ast.FunctionDef, ast.AsyncFunctionDef)
    names = {n.name for n in tree.body if isinstance(n, defs)}
    if entry not in names:
        errors.append(f"{filename}: does not define the entry point `{entry}`"
                      + (" (a class)" if cls else ""))


def _limits(raw: Any, errors: list[str], runtime: Runtime = Runtime.NUMPY) -> Limits:
    """The problem's limits: its runtime's defaults (sandbox/runtimes.py), with what [limits] sets."""
    base = default_limits(runtime)
    if not isinstance(raw, dict):
        errors.append("problem.toml: [limits]: must be a table")
        return base
    values = {}
    for key, value in raw.items():
        typ = LIMIT_FIELDS.get(key)
        if typ is None:
            errors.append(f"problem.toml: limits.{key}: unknown field (known: {', '.join(LIMIT_FIELDS)})")
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            errors.append(f"problem.toml: limits.{key}: must be a positive number")
        elif typ is int and not isinstance(value, int):
            errors.append(f"problem.toml: limits.{key}: must be a whole number")
        else:
            values[key] = typ(value)
    if values.get("time_per_case_s", 0) > 30 or values.get("memory_mb", 0) > 4096:
        errors.append("problem.toml: limits: time_per_case_s is at most 30 and memory_mb at most 4096")
    return dataclasses.replace(base, **values)


def _checker(raw: Any, folder: Path, errors: list[str]) -> dict:
    if not isinstance(raw, dict):
        errors.append("problem.toml: [checker]: must be a table")
        return {}
    ctype = raw.get("type", "allclose")
    if ctype not in CHECKER_TYPES:
        errors.append(f"problem.toml: checker.type: must be one of {', '.join(CHECKER_TYPES)}, got {ctype!r}")
    for key in ("rtol", "atol"):
        if key in raw and (isinstance(raw[key], bool) or not isinstance(raw[key], (int, float)) or raw[key] < 0):
            errors.append(f"problem.toml: checker.{key}: must be a non-negative number")
    if ctype == "custom" and not (folder / "checker.py").is_file():
        errors.append("checker.py: missing (checker.type is 'custom')")
    return {"type": ctype, **{k: v for k, v in raw.items() if k != "type"}}


def _scoring(raw: Any, folder: Path, errors: list[str]) -> dict:
    from . import scoring

    if not isinstance(raw, dict):
        errors.append("problem.toml: [scoring]: required for scored problems")
        return {}
    metric = raw.get("metric")
    if metric not in scoring.METRICS:
        errors.append(f"problem.toml: scoring.metric: must be one of {', '.join(scoring.METRICS)}, got {metric!r}")
    threshold = raw.get("threshold")
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)):
        errors.append("problem.toml: scoring.threshold: required number")
    frac = raw.get("public_fraction", 0.5)
    if isinstance(frac, bool) or not isinstance(frac, (int, float)) or not 0 < frac < 1:
        errors.append("problem.toml: scoring.public_fraction: must be between 0 and 1")
    return dict(raw)


def _rubric(folder: Path, errors: list[str]) -> list[Criterion]:
    path = folder / "rubric.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        errors.append("rubric.toml: missing")
        return []
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        errors.append(f"rubric.toml: not valid TOML ({exc})")
        return []
    items = data.get("criterion")
    if not isinstance(items, list) or not items:
        errors.append("rubric.toml: criterion: at least one [[criterion]] table is required")
        return []
    out = []
    for i, item in enumerate(items, 1):
        name, points, desc = item.get("name"), item.get("points"), item.get("description")
        if not isinstance(name, str) or not name:
            errors.append(f"rubric.toml: criterion {i}: name: required string")
        if isinstance(points, bool) or not isinstance(points, (int, float)) or points <= 0:
            errors.append(f"rubric.toml: criterion {i}: points: must be a positive number")
        if not isinstance(desc, str) or not desc:
            errors.append(f"rubric.toml: criterion {i}: description: required string")
        out.append(Criterion(name=str(name), points=float(points or 0), description=str(desc)))
    return out


def import_trusted(folder: Path, name: str):
    """Imports an author's module (cases.py, reference.py, checker.py, scorer.py) on the trusted side."""
    path = folder / f"{name}.py"
    module_name = f"mljudge_problem_{hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:12]}_{name}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception:
        del sys.modules[module_name]
        raise
    return module


def load_cases(problem: Problem) -> list[Case]:
    errors: list[str] = []
    try:
        raw = import_trusted(problem.folder, "cases").cases()
    except Exception as exc:
        raise ProblemError(problem.folder, [f"cases.py: cases() failed: {type(exc).__name__}: {exc}"]) from exc
    if not isinstance(raw, list) or not raw:
        raise ProblemError(problem.folder, ["cases.py: cases() must return a non-empty list of dicts"])
    out, seen = [], set()
    for i, item in enumerate(raw, 1):
        where = f"cases.py: case {i}"
        if not isinstance(item, dict):
            errors.append(f"{where}: must be a dict")
            continue
        spec_keys = CASE_SPEC_KEYS.get(problem.kind, ())
        unknown = set(item) - {"name", "public", "args", "kwargs", "target", "covers", "category", *spec_keys}
        if unknown:
            errors.append(f"{where}: unknown keys {sorted(unknown)}")
        name = item.get("name")
        if not isinstance(name, str) or not name:
            errors.append(f"{where}: name: required string")
        elif name in seen:
            errors.append(f"{where}: name: {name!r} is used twice")
        seen.add(name)
        if not isinstance(item.get("public"), bool):
            errors.append(f"{where} ({name}): public: required true/false")
        args, kwargs = item.get("args", []), item.get("kwargs", {})
        if not isinstance(args, (list, tuple)) or not isinstance(kwargs, dict):
            errors.append(f"{where} ({name}): args must be a list and kwargs a dict")
            continue
        try:
            codec.encode([list(args), kwargs])
        except codec.CodecError as exc:
            errors.append(f"{where} ({name}): inputs cannot be sent to the sandbox: {exc}")
        if problem.kind is Kind.SCORED and "target" not in item:
            errors.append(f"{where} ({name}): target: required for scored problems")
        spec = {k: item[k] for k in spec_keys if k in item} or None
        if spec_keys:
            errors.extend(f"{where} ({name}): {e}" for e in _spec_errors(problem.kind, spec or {}))
        errors.extend(f"{where} ({name}): outside the declared input space: {e}"
                      for e in fit_errors(problem.inputs, list(args), kwargs))
        covers = item.get("covers", [])
        if not isinstance(covers, (list, tuple)) or not all(isinstance(c, str) for c in covers):
            errors.append(f"{where} ({name}): covers: must be a list of [edges] names")
            covers = []
        errors.extend(f"{where} ({name}): covers: {c!r} is not declared in [edges]"
                      for c in covers if c not in problem.inputs.edges)
        category = item.get("category", "")
        if category and not (isinstance(category, str) and CATEGORY_RE.match(category)):
            errors.append(f"{where} ({name}): category: must be a short lowercase phrase of at most "
                          f"{CATEGORY_MAX_CHARS} characters (the kind of case, e.g. \"ties\")")
            category = ""
        out.append(Case(name=str(name), public=bool(item.get("public")), args=list(args), kwargs=kwargs,
                        target=item.get("target"), covers=tuple(covers), spec=spec, category=category))
    if not errors and not any(c.public for c in out):
        errors.append("cases.py: at least one case must be public (the worked examples)")
    if not errors and not any(not c.public for c in out):
        errors.append("cases.py: at least one case must be hidden")
    if errors:
        raise ProblemError(problem.folder, errors)
    return out


def _spec_errors(kind: Kind, spec: dict) -> list[str]:
    """What is wrong with a module/autograd case's procedure keys (the contract: docs/authoring.md)."""
    errors = []
    upstream = spec.get("upstream")
    if type(upstream) is not np.ndarray or upstream.dtype.kind != "f":
        errors.append("upstream: required, a float array shaped like the output (the backward pass's gradient)")
    if kind is Kind.MODULE:
        if type(spec.get("init", {})) is not dict or not all(type(k) is str for k in spec.get("init", {})):
            errors.append("init: must be a dict of the constructor's keyword arguments")
        state = spec.get("state")
        if type(state) is not dict or not all(type(k) is str and type(v) is np.ndarray for k, v in state.items()):
            errors.append("state: required, a dict of parameter (and buffer) name -> array "
                          "(grader.torchcases.module_case builds it)")
        if type(spec.get("train", False)) is not bool:
            errors.append("train: must be true or false")
    try:
        codec.encode(spec)
    except codec.CodecError as exc:
        errors.append(f"cannot be sent to the sandbox: {exc}")
    return errors
