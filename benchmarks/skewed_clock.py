"""Runs Celery (`python benchmarks/skewed_clock.py -A mljudge.config worker ...`) with this process's wall clock
moved by MLJUDGE_FAULT_CLOCK_SKEW_S seconds: the clock-skew fault of benchmarks/fault_recovery.py (faketime is
not installed). Only this bootstrap reads the variable; without it, it is plain `celery`.

Moved before anything else is imported: time.time / time.time_ns, and datetime.datetime.now / utcnow /
today (Django's timezone.now, Celery's ETAs and expiry). A forked pool process inherits the patch. Monotonic
clocks are left alone, as a host whose wall clock is wrong still measures durations right."""
import os
import runpy
import sys
import time

SKEW_S = float(os.environ.get("MLJUDGE_FAULT_CLOCK_SKEW_S") or 0)

if SKEW_S:
    import datetime as _dt

    _time, _time_ns = time.time, time.time_ns
    time.time = lambda: _time() + SKEW_S
    time.time_ns = lambda: _time_ns() + int(SKEW_S * 1e9)
    _real = _dt.datetime
    _shift = _dt.timedelta(seconds=SKEW_S)

    class _Meta(type):
        # isinstance(x, datetime.datetime) must stay true for the real datetimes every library makes.
        def __instancecheck__(cls, obj):
            return isinstance(obj, _real)

        def __subclasscheck__(cls, sub):
            return issubclass(sub, _real)

    class _SkewedDatetime(_real, metaclass=_Meta):
        __slots__ = ()   # the size of a real datetime: compiled modules (psycopg's) check it when they import

        def __new__(cls, *args, **kwargs):
            return _real(*args, **kwargs)

        @classmethod
        def now(cls, tz=None):
            return _real.now(tz) + _shift

        @classmethod
        def utcnow(cls):
            return _real.utcnow() + _shift

        @classmethod
        def today(cls):
            return _real.today() + _shift

    _dt.datetime = _SkewedDatetime
    print(f"skewed_clock: this process's clock is {SKEW_S:+.0f} s off", file=sys.stderr, flush=True)

sys.argv[0] = "celery"
runpy.run_module("celery", run_name="__main__", alter_sys=True)
