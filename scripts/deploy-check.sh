#!/usr/bin/env bash
# Proves the deployment on this machine: builds the images (skipping what is current), brings docker/compose.yml
# up under a private project name and a private host port, migrates, syncs problems/, creates a user and an
# API token with manage.py, submits softmax's reference through /api/v1, waits (bounded) for the verdict,
# prints it and the timings, and tears the stack down with its volumes, on failure too.
#   MLJUDGE_CHECK_TIMEOUT_S   how long the verdict may take once submitted (180)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
project="mljudgecheck$$"
tmp=$(mktemp -d /tmp/mljudge-deploy-check.XXXXXX)
timeout_s=${MLJUDGE_CHECK_TIMEOUT_S:-180}
t0=$SECONDS
stamp() { printf '%5ds  %s\n' "$((SECONDS - t0))" "$*"; }
timing=()
mark() { timing+=("$(printf '%-28s %4d s' "$1" "$((SECONDS - $2))")"); }

# A private host port for the web service (never 8000, nor the shared services' 55432/56379).
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
rand() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
metrics_token=$(rand)
cat >"$tmp/env" <<ENV
SECRET_KEY=$(rand)
ALLOWED_HOSTS=127.0.0.1,localhost
POSTGRES_USER=mljudge
POSTGRES_DB=mljudge
POSTGRES_PASSWORD=$(rand)
REDIS_PASSWORD=$(rand)
MLJUDGE_METRICS_TOKEN=$metrics_token
DOCKER_GID=$(stat -c %g /var/run/docker.sock)
MLJUDGE_WEB_PUBLISH=127.0.0.1:$port
MLJUDGE_ENV_FILE=$tmp/env
MLJUDGE_SERVE_STATIC=1
MLJUDGE_SECURE_COOKIES=0
MLJUDGE_HSTS_SECONDS=0
MLJUDGE_WORKERS=1
ENV
chmod 600 "$tmp/env"
dc() { docker-compose -p "$project" -f "$ROOT/docker/compose.yml" --env-file "$tmp/env" "$@"; }

teardown() {
  local rc=$?
  if [ "$rc" != 0 ]; then
    echo "--- FAILED (exit $rc); last log lines:" >&2
    dc logs --no-color --tail=40 2>/dev/null | tail -120 >&2 || true
  fi
  stamp "tearing down (containers and volumes)"
  dc down -v --remove-orphans -t 20 >/dev/null 2>&1 || true
  rm -rf "$tmp"
  exit "$rc"
}
trap teardown EXIT INT TERM

stamp "images"
started=$SECONDS
"$ROOT/docker/build-runner.sh"
"$ROOT/docker/build-app.sh"
mark "images (build or current)" "$started"

stamp "PostgreSQL and Redis (project $project)"
started=$SECONDS
dc up -d postgres redis
healthy() {
  local id
  id=$(dc ps -q "$1")
  [ -n "$id" ] && [ "$(docker inspect -f '{{.State.Health.Status}}' "$id")" = healthy ]
}
for _ in $(seq 1 90); do healthy postgres && healthy redis && break; sleep 1; done
healthy postgres && healthy redis || { echo "PostgreSQL or Redis did not become healthy" >&2; exit 1; }
mark "postgres + redis healthy" "$started"

stamp "migrate and sync problems"
started=$SECONDS
dc run --rm --no-deps web python manage.py migrate --no-input -v 0
dc run --rm --no-deps web python manage.py sync_problems >"$tmp/sync.log" 2>&1 || { tail -20 "$tmp/sync.log" >&2; exit 1; }
grep -q softmax "$tmp/sync.log" || { echo "softmax was not synced" >&2; tail -20 "$tmp/sync.log" >&2; exit 1; }
mark "migrate + sync_problems" "$started"

stamp "user and API token (manage.py)"
token=$(dc run --rm --no-deps -T web python manage.py shell -c '
from django.contrib.auth import get_user_model
from mljudge.api.services import token_create
user = get_user_model().objects.create_user("deploycheck", "deploycheck@example.com", "x" * 24)
print(token_create(user=user, name="deploy-check", scopes=["read", "submit"], expires_in_days=None).secret)
' | tail -1 | tr -d '\r')
[ -n "$token" ] || { echo "no token" >&2; exit 1; }

stamp "web, workers and beat"
started=$SECONDS
dc up -d web worker worker-background beat
base="http://127.0.0.1:$port"
ready=""
for _ in $(seq 1 120); do
  if curl -fsS -o "$tmp/ready.json" "$base/readyz" 2>/dev/null; then ready=1; break; fi
  sleep 1
done
[ -n "$ready" ] || { echo "/readyz never answered 200:" >&2; cat "$tmp/ready.json" >&2 2>/dev/null || true; exit 1; }
mark "stack ready (/readyz 200)" "$started"

stamp "submitting softmax's reference through /api/v1"
python3 -c 'import json, sys; print(json.dumps({"mode": "submit", "source": open(sys.argv[1]).read()}))' \
  "$ROOT/problems/softmax/reference.py" >"$tmp/body.json"
submitted=$SECONDS
curl -fsS -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
  --data-binary @"$tmp/body.json" "$base/api/v1/problems/softmax/submissions" >"$tmp/created.json"
id=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/created.json")
status=""
while [ $((SECONDS - submitted)) -lt "$timeout_s" ]; do
  curl -fsS -H "Authorization: Bearer $token" "$base/api/v1/submissions/$id?wait=10" >"$tmp/sub.json"
  status=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["status"])' "$tmp/sub.json")
  case "$status" in queued|running) ;; *) break ;; esac
done
mark "submit → verdict" "$submitted"
verdict=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d["status"], d["verdict"], d.get("score"))' "$tmp/sub.json")

curl -fsS -H "Authorization: Bearer $metrics_token" "$base/metrics" >"$tmp/metrics.txt"
grep -E '^mljudge_(submissions|queue_depth|workers_live|sandbox_start_seconds_count|grade_duration_seconds_gcount)' \
  "$tmp/metrics.txt" | head -12

echo
echo "submission $id: $verdict"
printf '  %s\n' "${timing[@]}"
echo "  total                        $((SECONDS - t0)) s"
[ "$status" = graded ] && [[ "$verdict" == "graded accepted"* ]] || { echo "expected graded/accepted" >&2; exit 1; }
echo "deploy check passed"
