#!/usr/bin/env bash
# Runs mljudge on this machine: installs what is missing on a fresh Debian 12 (as root), starts a private
# Redis unless REDIS_URL is set, starts Docker and builds the runner image (and stops with an error if it
# cannot), migrates, loads problems/, creates a demo user, then runs the web server, a Celery worker and
# Celery beat. Ctrl-C stops them all.
#
#   MLJUDGE_HOST / MLJUDGE_PORT   where the site listens (127.0.0.1:8000)
#   MLJUDGE_SERVER                runserver (default) or gunicorn
#   MLJUDGE_WORKERS               Celery grading worker processes (1); each keeps 2 warm sandboxes
#   MLJUDGE_QUEUE, MLJUDGE_REJUDGE_QUEUE  Celery queues for new submissions and for rejudges
#   MLJUDGE_WEBHOOK_QUEUE         Celery queue of webhook deliveries (mljudge-hooks)
#   MLJUDGE_SWEEP_QUEUE           Celery queue of the sweepers (mljudge-sweep)
#   MLJUDGE_SANDBOX               docker (the default; required to start) or local (UNSAFE, only if you set it)
#   DATABASE_URL, REDIS_URL       PostgreSQL / Redis to use instead of SQLite / a private Redis
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
HOST=${MLJUDGE_HOST:-127.0.0.1}
PORT=${MLJUDGE_PORT:-8000}
SERVER=${MLJUDGE_SERVER:-runserver}
WORKERS=${MLJUDGE_WORKERS:-1}

apt_install redis-server
command -v npm >/dev/null || apt_install nodejs npm
ensure_venv
ensure_frontend
ensure_redis

choose_sandbox

export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-mljudge.config.settings.dev}
export PYTHONPATH="$ROOT/platform${PYTHONPATH:+:$PYTHONPATH}"
say "database migrations"
"$PY" manage.py migrate --no-input -v 0
say "problems (sync_problems)"
"$PY" manage.py sync_problems || true   # invalid folders are reported; valid ones still load
DEMO=$("$PY" manage.py ensure_demo_user)

pids=()
stop() {
  trap - INT TERM EXIT
  say "stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

say "Celery workers (grading: $WORKERS process(es); rejudging: 1, niced; webhooks: 2; sweeping: 1; sandbox: $MLJUDGE_SANDBOX) and beat; logs in var/log/"
"$PY" -m celery -A mljudge.config worker -l INFO --concurrency="$WORKERS" -Q "${MLJUDGE_QUEUE:-mljudge}" \
  -n "grading@%h" >"$VAR/log/worker.log" 2>&1 &
pids+=($!)
# Rejudges after a problem's grading content changed: their own queue and worker, at a lower CPU priority,
# so new submissions on the grading queue never wait behind them.
nice -n 10 "$PY" -m celery -A mljudge.config worker -l INFO --concurrency=1 -Q "${MLJUDGE_REJUDGE_QUEUE:-mljudge-rejudge}" \
  -n "rejudge@%h" >"$VAR/log/worker-rejudge.log" 2>&1 &
pids+=($!)
# Webhook deliveries: their own small worker, so a slow receiver (up to its 5 s timeout) never holds a
# grading slot (prefork: the task's hard time limit needs it).
"$PY" -m celery -A mljudge.config worker -l INFO --concurrency=2 -Q "${MLJUDGE_WEBHOOK_QUEUE:-mljudge-hooks}" \
  -n "hooks@%h" >"$VAR/log/worker-hooks.log" 2>&1 &
pids+=($!)
# The sweepers (stuck grades, lost messages, stale syncs): their own queue and a small solo worker that never
# touches a sandbox, so a backlog on the grading queue never delays the sweep that rescues it.
"$PY" -m celery -A mljudge.config worker -l INFO --pool=solo -Q "${MLJUDGE_SWEEP_QUEUE:-mljudge-sweep}" \
  -n "sweep@%h" >"$VAR/log/worker-sweep.log" 2>&1 &
pids+=($!)
"$PY" -m celery -A mljudge.config beat -l INFO -s "$VAR/celerybeat-schedule" >"$VAR/log/beat.log" 2>&1 &
pids+=($!)

say "web server ($SERVER) on http://$HOST:$PORT/"
if [ "$SERVER" = gunicorn ]; then
  MLJUDGE_SERVE_STATIC=1 "$ROOT/.venv/bin/gunicorn" mljudge.config.wsgi --chdir "$ROOT/platform" \
    --bind "$HOST:$PORT" --workers 2 --worker-class gthread --threads 8 --access-logfile - --env DJANGO_SETTINGS_MODULE="$DJANGO_SETTINGS_MODULE" &
else
  "$PY" manage.py runserver "$HOST:$PORT" &
fi
pids+=($!)

for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "http://$HOST:$PORT/problems/" 2>/dev/null && break
  sleep 0.5
done
cat <<MSG

  mljudge is running:   http://$HOST:$PORT/
  demo login:           $DEMO
  admin:                $PY manage.py createsuperuser, then http://$HOST:$PORT/admin/
  sandbox:              $MLJUDGE_SANDBOX
  Ctrl-C stops the web server, the workers and beat.

MSG
wait -n "${pids[@]}" || true
say "a process exited (see var/log/); stopping the others"
