"""The API's OpenAPI 3 document as committed in docs/openapi.json: generated from the endpoints' own code
(django-ninja), written by `manage.py openapi_document`, and compared by tests/platform/api/test_openapi.py so
that the committed document never drifts from what the server answers."""
from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from ninja.responses import NinjaJSONEncoder

COMMITTED = Path(settings.REPO_DIR) / "docs" / "openapi.json"


def document() -> str:
    from .main import api

    # Through JSON once first: response codes are int keys next to str ones, which sort_keys cannot order.
    plain = json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))
    return json.dumps(plain, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
