"""The public API, /api/v1/ (docs/api.md). django-ninja: typed endpoints whose OpenAPI 3 document is generated
from the same code (committed as docs/openapi.json; a test fails when they drift).

Every endpoint is an adapter one call deep into the apps' services and selectors, exactly as the pages are:
the API adds no rule of its own (permissions, quotas, consent, what a solver may see of a report)."""
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from . import errors
from .parser import StrictJsonParser
from .models import Scope
from .routes import assessments, authoring, cohorts, leaderboards, me, problems, review, submissions, webhooks

DESCRIPTION = (
    "Practise and grade ML interview problems from scripts (guide: docs/api.md). Authenticate with a personal "
    "access token, `Authorization: Bearer mlj_…`, created on the site's API tokens page; each operation names "
    "the scope it needs:\n\n"
    + "".join(f"- `{value}` — {label.split(': ', 1)[1]}\n" for value, label in Scope.choices)
    + "\nA logged-in session works too (with every scope). Errors are "
    "`{\"error\": {\"reason\", \"message\", \"status\"}}`; lists take `?limit=&offset=`.")

api = NinjaAPI(title="mljudge API", version="1", urls_namespace="api-v1", docs=Swagger(), docs_url="/docs",
               openapi_url="/openapi.json", description=DESCRIPTION, parser=StrictJsonParser())
errors.install(api)
api.add_router("/", me.router)
api.add_router("/", problems.router)
api.add_router("/", submissions.router)
api.add_router("/", leaderboards.router)
api.add_router("/", cohorts.router)
api.add_router("/", assessments.router)
api.add_router("/", review.router)
api.add_router("/", authoring.router)
api.add_router("/", webhooks.router)
