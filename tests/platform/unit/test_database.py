import os

import pytest
from django.db import connection

from ..conftest import unavailable

pytestmark = pytest.mark.services


@pytest.mark.django_db
def test_it_runs_against_postgresql_when_services_are_required():
    """CI sets DATABASE_URL to PostgreSQL; locally SQLite is fine and this test skips."""
    if connection.vendor != "postgresql":
        unavailable(f"PostgreSQL via DATABASE_URL (this run uses {connection.vendor}; DATABASE_URL="
                    f"{os.environ.get('DATABASE_URL', 'unset')})")
    with connection.cursor() as cursor:
        cursor.execute("select current_setting('server_version_num')::int")
        assert cursor.fetchone()[0] >= 130000
