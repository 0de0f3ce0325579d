#!/usr/bin/env bash
# The test command. On a fresh Debian 12 machine (as root) it installs and starts everything the suite
# uses — Docker and the runner image, PostgreSQL, Redis, Chromium, the virtualenv, the front-end bundle —
# then runs the whole suite against the real services. Extra arguments go to pytest.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
apt_install docker.io debootstrap redis-server postgresql chromium chromium-driver
command -v npm >/dev/null || apt_install nodejs npm
ensure_docker || { echo "no Docker engine could be started: the sandbox tests cannot run" >&2; exit 1; }
ensure_venv            # first: the torch runner image is built from wheels the venv's pip downloads
ensure_runner_image
ensure_frontend
ensure_redis
ensure_postgres
# Tests that need Docker, Redis, PostgreSQL or Chromium fail (never skip) when it is missing.
export MLJUDGE_REQUIRE_SERVICES=1
say "pytest"
exec "$PY" -m pytest "$@"
