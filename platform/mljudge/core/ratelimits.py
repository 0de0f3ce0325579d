"""Every request-rate limit of the site, in one table, and the one place a refusal becomes a response.

Counters live in the shared cache (Redis: settings CACHES / RATELIMIT_USE_CACHE), so every web process of
every host counts together. Rates are generous for a person and bounding for a script; the figures are in
docs/security.md. Login lockout after wrong passwords is django-axes' job (settings AXES_*); its refusal is
rendered here too (lockout_response), so every "too many" page looks and reads the same.

Run, Submit and design answers have their own quota in submissions.services (in-flight and daily caps)."""
from __future__ import annotations

import functools
import ipaddress
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django_ratelimit.core import get_usage

from .refusals import Reason, Refused, refusal_response


def client_ip(request: HttpRequest) -> str:
    """The caller's address: REMOTE_ADDR, or behind MLJUDGE_PROXY_HOPS trusted proxies the address the
    outermost of them saw (X-Forwarded-For entries further left are the client's own claims, never trusted).
    An IPv6 caller is its /64: one host gets a whole /64 and could otherwise take a fresh address per try.
    Both the rate limits and django-axes ask this (RATELIMIT_IP_META_KEY, AXES_CLIENT_IP_CALLABLE)."""
    address = request.META.get("REMOTE_ADDR") or "0.0.0.0"
    hops = settings.MLJUDGE_PROXY_HOPS
    if hops:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops:
            address = forwarded[-hops]
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "0.0.0.0"  # not an address (a misconfigured proxy): one shared, strictly limited bucket
    return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address) if ip.version == 6 else str(ip)


def _email(group: str, request: HttpRequest) -> str:
    """The target address as the account lookup sees it (case-insensitive), so "Bob@X" is "bob@x". A POST
    without one counts against its sender's address instead of one bucket shared by everybody."""
    email = request.POST.get("email", "").strip().lower()[:254]
    return f"email:{email}" if email else f"ip:{client_ip(request)}"


@dataclass(frozen=True)
class Rule:
    key: str          # django-ratelimit key: "ip", "user", "user_or_ip", or "email" (the POSTed address)
    rate: str         # "count/period", e.g. "30/m", "10/h"


@dataclass(frozen=True)
class Limit:
    what: str                 # plural noun for the message: "Too many {what}: try again in …"
    rules: tuple[Rule, ...]   # every rule counts each POST; any one over its rate refuses it
    methods: tuple[str, ...] = ("POST",)   # the requests that count ((None,) = every method)
    # While the cache (Redis) is unreachable nothing can be counted: True lets requests through (another
    # bound stands behind it), False refuses them until Redis is back. Chosen per limit in docs/security.md.
    fail_open: bool = False


_KEYS = {"email": _email}

# name → limit. Only POSTs count (a GET of a form is free), unless the limit says otherwise.
LIMITS: dict[str, Limit] = {
    # Both login forms (site and /admin/). Axes locks a username+address pair after AXES_FAILURE_LIMIT wrong
    # passwords; this caps one address trying many usernames (password spraying). 100/h lets a whole
    # classroom behind one NAT log in at 9 am.
    "login": Limit("login attempts", (Rule("ip", "100/h"),), fail_open=True),  # axes' lockout is in the DB
    # Each sends a mail: per address against mail-bombing one person, per IP against spraying many.
    "password-reset": Limit("password reset requests", (Rule("ip", "10/h"), Rule("email", "3/h"))),
    "signup": Limit("sign-ups", (Rule("ip", "30/h"), Rule("email", "5/h"))),
    # Checks the old password: a stolen session must not become a password-guessing oracle.
    "password-change": Limit("password changes", (Rule("user_or_ip", "10/h"),)),
    # Markdown rendering of up to 200 000 characters per request.
    "preview": Limit("previews", (Rule("user", "30/m"),), fail_open=True),
    "comment": Limit("comments", (Rule("user", "10/m"), Rule("user", "200/d")), fail_open=True),
    # A sync re-validates every problem folder (and with the sandbox check runs reference solutions).
    "authoring-sync": Limit("problem syncs", (Rule("user", "30/h"),)),
    # Revealing a hint or giving up: each recomputes a leaderboard row; a person clicks a few times a problem.
    "learning": Limit("hint reveals", (Rule("user", "30/m"),)),
    # Every API request, whatever its method (mljudge.api): a script polling twice a second stays well under.
    "api": Limit("API requests", (Rule("user_or_ip", "300/m"),), methods=(None,), fail_open=True),
}


def refusal_wait(name: str, request: HttpRequest) -> int | None:
    """Counts this request against every rule of LIMITS[name]; the seconds until the longest exceeded rule
    resets, or None if the request may go on."""
    waits = []
    for rule in LIMITS[name].rules:
        usage = get_usage(request, group=f"mljudge:{name}", key=_KEYS.get(rule.key, rule.key), rate=rule.rate,
                          method=LIMITS[name].methods, increment=True)
        if usage and usage["limit"] == 0:  # django-ratelimit's answer when the cache could not count
            if LIMITS[name].fail_open:
                continue
            waits.append(60)
        elif usage and usage["should_limit"]:
            waits.append(max(usage["time_left"], 1))
    return max(waits) if waits else None


def limited(name: str):
    """View decorator: POSTs over LIMITS[name] get refused(); everything else goes through."""
    if name not in LIMITS:  # at import time, not at the first request
        raise KeyError(f"no rate limit named {name!r} in mljudge.core.ratelimits.LIMITS")

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            wait = refusal_wait(name, request)
            if wait is not None:
                return refused(request, what=LIMITS[name].what, wait=timedelta(seconds=wait))
            return view(request, *args, **kwargs)
        return wrapped
    return decorator


def in_words(wait: timedelta) -> str:
    minutes = -(-int(wait.total_seconds()) // 60)  # rounded up: never promise a retry that is refused again
    if minutes <= 1:
        return "a minute"
    if minutes < 90:
        return f"{minutes} minutes"
    return f"{-(-minutes // 60)} hours"


def refused(request: HttpRequest, *, what: str, wait: timedelta) -> HttpResponse:
    """The one "too many" response: core.refusals' RATE_LIMITED (429) with Retry-After; a fragment for htmx
    (it lands in the panel the request targeted), else the full 429 page."""
    response = refusal_response(request, Refused(Reason.RATE_LIMITED, what=what, wait=in_words(wait)))
    response["Retry-After"] = str(int(wait.total_seconds()))
    return response


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' lockout (AXES_LOCKOUT_CALLABLE). The same words whether or not the username exists: axes
    counts failures per submitted name, real or not."""
    from axes.helpers import get_cool_off

    return refused(request, what="failed logins", wait=get_cool_off(request) or timedelta(hours=1))
