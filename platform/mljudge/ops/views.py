"""/healthz (the process answers; no I/O), /readyz (database, broker, a live worker; 503 naming what failed),
/metrics (Prometheus text; a bearer token, staff, or loopback without a proxy: ops.access) and the staff
System page, which shows the same figures as /metrics."""
from __future__ import annotations

from django.contrib.admin.views.decorators import staff_member_required
from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST

from . import charts
from .access import metrics_allowed
from .health import readiness
from .metrics import exposition
from .selectors import system_figures


@never_cache
@require_GET
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain")


@never_cache
@require_GET
def readyz(request):
    state = readiness()
    return JsonResponse(state.to_dict(), status=200 if state.ready else 503)


@never_cache
@require_GET
def metrics(request):
    if not metrics_allowed(request):
        return HttpResponse("metrics need the bearer token (MLJUDGE_METRICS_TOKEN) or a staff login\n",
                            status=403, content_type="text/plain")
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)


@never_cache
@staff_member_required
def system(request):
    try:
        figures = system_figures()
    except DatabaseError:
        figures = None
    return render(request, "ops/system.html", {
        "figures": figures, "ready": readiness(),
        "chart": charts.durations_chart(figures=figures) if figures else None,
        "statuses": charts.status_table(figures=figures) if figures else []})
