from django.conf import settings
from django.contrib import admin
from django.contrib.staticfiles.views import serve as serve_static
from django.urls import include, path, re_path

from mljudge.api.main import api
from mljudge.core.ratelimits import limited

# For htmx requests a 400 or 403 is a fragment the page shows in place (main.js); otherwise a styled page.
handler400 = "mljudge.core.views.bad_request"
handler403 = "mljudge.core.views.permission_denied"

urlpatterns = [
    path("", include("mljudge.core.urls")),
    path("", include("mljudge.ops.urls")),
    path("accounts/", include("mljudge.accounts.urls")),
    path("problems/", include("mljudge.problemset.urls")),
    path("", include("mljudge.learning.urls")),  # /problems/<slug>/hints/…, /plans/
    path("submissions/", include("mljudge.submissions.urls")),
    path("", include("mljudge.leaderboards.urls")),
    path("cohorts/", include("mljudge.cohorts.urls")),
    path("assignments/", include("mljudge.assessments.urls")),
    path("review/", include("mljudge.review.urls")),
    path("authoring/", include("mljudge.authoring.urls")),
    path("accounts/tokens/", include("mljudge.api.urls")),
    path("api/v1/", api.urls),
    # The admin's login counts against the same per-address rate as the site's (django-axes locks both).
    path("admin/login/", limited("login")(admin.site.login)),
    path("admin/", admin.site.urls),
]

if settings.MLJUDGE_SERVE_STATIC:
    # Single-host setups (scripts/run.sh with gunicorn) without a web server in front; production puts
    # STATIC_ROOT behind nginx or a CDN instead.
    urlpatterns.append(re_path(r"^static/(?P<path>.*)$", serve_static, {"insecure": True}))
