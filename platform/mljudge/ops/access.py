"""Who may read /metrics: it names workers, hosts and queue sizes, so not the public.

A request with `Authorization: Bearer <MLJUDGE_METRICS_TOKEN>` (Prometheus's `authorization` setting), a
signed-in staff user, or, when no token is configured, a direct connection from loopback with no proxy in
front (MLJUDGE_PROXY_HOPS=0: behind a proxy every request comes from loopback)."""
from __future__ import annotations

import hmac
import ipaddress

from django.conf import settings


def metrics_allowed(request) -> bool:
    token = settings.MLJUDGE_METRICS_TOKEN
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if token and scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
        return True
    if request.user.is_authenticated and request.user.is_staff:
        return True
    if not token and settings.MLJUDGE_PROXY_HOPS == 0:
        try:
            return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
        except ValueError:
            return False
    return False
