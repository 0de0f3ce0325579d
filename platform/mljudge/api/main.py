"""The public API, /api/v1/ (docs/api.md). django-ninja: typed endpoints whose OpenAPI 3 document is generated
from the same code (committed as docs/openapi.json; a test fails when they drift).

Every endpoint is an adapter one call deep into the apps' services and selectors, exactly as the pages are:
the API adds no rule of its own (permissions, quotas, consent, what a solver may see of a report)."""
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from . import errors
from .routes import me

api = NinjaAPI(
    title="mljudge API", version="1", urls_namespace="api-v1", docs=Swagger(), docs_url="/docs",
    openapi_url="/openapi.json",
    description="Practise and grade ML interview problems from scripts. Authenticate with a personal access "
                "token (`Authorization: Bearer mlj_…`, created on the site's API tokens page) carrying the scope "
                "each operation names. Errors are `{\"error\": {\"reason\", \"message\", \"status\"}}`.",
)
errors.install(api)
api.add_router("/", me.router)
api.add_router("/", "mljudge.api.routes.webhooks.router")
