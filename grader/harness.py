"""The harness that runs *inside* the sandbox, next to the submission.

It is never imported by the grader: sandbox/base.py (harness_bundle) sends this file, codec.py and torchrun.py as
source to a tiny bootstrap (python -I -c BOOT) that execs them as the modules `mljudge_harness`, `mljudge_codec`
and `mljudge_torch`, then calls main(runtime). torch is imported only in the torch runtime.

Everything here is on the untrusted side. It decides nothing: it calls the entry point once per case and
reports what came back, as framed plain data on a private copy of stdout. The submission's own prints go
to stderr. A submission can forge frames (it shares this process), but a forged frame can only claim an
output it could have returned anyway; the grader validates and compares every value itself.
"""
import linecache
import os
import resource
import signal
import struct
import sys
import traceback
import types

import mljudge_codec as codec

MAGIC = b"MLJ1"
SOLUTION_FILE = "solution.py"


MAX_MESSAGE = 4000


class _Deadline(BaseException):
    """Raised by SIGPROF when a case uses up its CPU time; BaseException so `except Exception` won't eat it.
    The trusted side measures CPU time itself and kills past the limit: this only makes the ending tidy."""


def _read_exact(fd: int, n: int) -> bytes:
    chunks = []
    while n:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError("job channel closed")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


_armed = {"from": 0.0, "seconds": 0.0}


def _on_alarm(signum, frame):
    # On a virtual machine under load the timer's clock can run ahead of the process's CPU time as
    # getrusage (and the cgroup outside) count it, by up to a tenth: it must not end a call early.
    left = _armed["seconds"] - (_cpu_seconds() - _armed["from"])
    if left > 0.001:
        signal.setitimer(signal.ITIMER_PROF, left)
        return
    raise _Deadline()


def _cpu_timer(seconds: float) -> None:
    """ITIMER_PROF counts the CPU time of all this process's threads: a busy machine does not trip it."""
    if seconds:
        _armed.update({"from": _cpu_seconds(), "seconds": seconds})
    signal.setitimer(signal.ITIMER_PROF, seconds)


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _user_traceback(exc: BaseException) -> str:
    """The traceback from the submission's frames only: the harness's own frames are noise to a user.
    The exception's own text is cut *before* formatting: a 50 MB message must not cost 50 MB more."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != SOLUTION_FILE:
        tb = tb.tb_next
    try:
        frames = "".join(traceback.format_list(traceback.extract_tb(tb, limit=20)))
    except BaseException:
        frames = ""
    try:
        text = str(exc)
    except BaseException:
        text = "<the exception's message could not be shown>"
    if len(text) > MAX_MESSAGE:
        text = text[:MAX_MESSAGE // 2] + f" … [{len(text) - MAX_MESSAGE:,} characters cut] … " + text[-MAX_MESSAGE // 4:]
    name = type(exc).__qualname__
    head = "Traceback (most recent call last):\n" if frames else ""
    out = f"{head}{frames}{name}: {text}\n" if text else f"{head}{frames}{name}\n"
    return out[-MAX_MESSAGE:]


def _flush_prints() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # the submission may have replaced or closed them
            pass


def main(runtime: str = "numpy") -> None:
    try:
        _main(runtime)
    finally:
        # Skip interpreter teardown (NumPy's alone costs tens of milliseconds): nothing needs cleaning up.
        _flush_prints()
        os._exit(0)


def _main(runtime: str) -> None:
    out_fd = os.dup(1)
    os.dup2(2, 1)  # the submission's print() lands on stderr, never on the result channel
    os.set_inheritable(out_fd, False)

    def send(message) -> None:
        data = codec.encode(message)
        frame = MAGIC + struct.pack(">Q", len(data)) + data
        view = memoryview(frame)
        while view:
            written = os.write(out_fd, view)
            view = view[written:]

    import numpy  # noqa: F401  (warm: a pooled sandbox pays this before the submission arrives)

    tr = None
    if runtime == "torch":
        import torch

        import mljudge_torch as tr

        tr.setup(torch)  # before the submission: it keeps torch's own functions, whatever the submission patches
        tr.warm_up()
    send({"type": "ready"})
    (length,) = struct.unpack(">Q", _read_exact(0, 8))
    job = codec.decode(_read_exact(0, length))
    os.close(0)

    source = job["source"]
    entry_point = job["entry_point"]
    cases = job["cases"]
    import_limit = job["import_limit"]
    kind = job.get("kind", "function")
    tensors = job.get("tensors", {})
    del job

    linecache.cache[SOLUTION_FILE] = (len(source), None, source.splitlines(True), SOLUTION_FILE)
    module = types.ModuleType("solution")
    module.__file__ = SOLUTION_FILE
    sys.modules["solution"] = module
    signal.signal(signal.SIGPROF, _on_alarm)
    try:
        _cpu_timer(import_limit)
        exec(compile(source, SOLUTION_FILE, "exec"), module.__dict__)
        _cpu_timer(0)
    except _Deadline:
        send({"type": "compile_error", "message": "importing solution.py took too long"})
        return
    except SyntaxError as exc:
        _cpu_timer(0)
        send({"type": "compile_error", "message": "".join(traceback.format_exception_only(type(exc), exc))[-MAX_MESSAGE:]})
        return
    except BaseException as exc:  # an import-time failure of any kind is the submission's
        _cpu_timer(0)
        send({"type": "compile_error", "message": _user_traceback(exc)})
        return
    fn = module.__dict__.get(entry_point)
    wanted = tr.entry_problem(kind, fn) if tr else ("" if callable(fn) else "a function")
    if fn is None or wanted:
        send({"type": "compile_error",
              "message": f"solution.py does not define {wanted or 'a function'} named `{entry_point}`"})
        return
    send({"type": "loaded"})

    for index, case in enumerate(cases):
        args, kwargs = case["args"], case["kwargs"]
        send({"type": "start", "index": index})
        result = {"type": "result", "index": index}
        started = _cpu_seconds()
        try:
            _cpu_timer(case["time_limit"])
            if tr:
                args, kwargs = tr.tensors_for_call(args, kwargs, tensors)  # fresh tensors for this call
                value = tr.call(kind, fn, args, kwargs, case.get("spec", {}))
            else:
                value = fn(*args, **kwargs)
            _cpu_timer(0)
            result.update(status="ok", value=value)
        except _Deadline:
            result.update(status="timeout", message="time limit exceeded")
        except MemoryError:
            _cpu_timer(0)
            result.update(status="memory", message="MemoryError")
        except BaseException as exc:
            _cpu_timer(0)
            if tr and type(exc) is tr.BadOutput:
                result.update(status="bad_output", message=str(exc)[:MAX_MESSAGE])
            else:
                result.update(status="error", message=_user_traceback(exc))
        result["time"] = _cpu_seconds() - started
        if result["status"] == "ok":
            result["after"] = codec.fingerprints(*(tr.plain_arguments(args, kwargs) if tr else (args, kwargs)))
        try:
            send(result)
        except codec.CodecError as exc:
            send({"type": "result", "index": index, "status": "bad_output", "message": str(exc)[:MAX_MESSAGE],
                  "time": result["time"]})
        if result["status"] in ("timeout", "memory"):
            break  # the first time or memory failure ends the run; the grader reports the rest as skipped
    _flush_prints()  # everything the submission printed goes out before our last frame
    send({"type": "done", "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss})

