# Shared by scripts/test.sh and scripts/run.sh: everything a fresh Debian 12 machine needs, each step
# idempotent (a no-op when already done). Source it; do not run it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VAR="$ROOT/var"
mkdir -p "$VAR/log"
PY="$ROOT/.venv/bin/python"
REDIS_PORT=${MLJUDGE_REDIS_PORT:-56379}
PG_PORT=${MLJUDGE_PG_PORT:-55432}
PG_DATA=${MLJUDGE_PG_DATA:-/var/tmp/mljudge-pg-$PG_PORT}
PG_BIN=/usr/lib/postgresql/15/bin

say() { printf '\n== %s\n' "$*"; }

# loud LINE... : a warning no one can scroll past.
loud() {
  printf '\n%s\n' "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  for line in "$@"; do printf '!!  %s\n' "$line" >&2; done
  printf '%s\n\n' "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
}

need_root() {
  if [ "$(id -u)" != 0 ]; then echo "this step installs system packages: run as root (or with sudo)" >&2; exit 1; fi
}

# apt_install PKG... : installs what is missing, with one apt-get update.
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  need_root
  say "installing system packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >"$VAR/log/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$VAR/log/apt.log" 2>&1 \
    || { tail -30 "$VAR/log/apt.log" >&2; exit 1; }
}

# Starts dockerd if no engine answers. Returns non-zero if none can be had.
ensure_docker() {
  docker info >/dev/null 2>&1 && return 0
  command -v dockerd >/dev/null || return 1
  say "starting dockerd"
  nohup dockerd >"$VAR/log/dockerd.log" 2>&1 &
  local pid=$!
  disown "$pid"  # it outlives this script, and run.sh's final `wait` must not wait for it
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || break  # dockerd gave up: no point in waiting the full minute
    sleep 1
  done
  tail -20 "$VAR/log/dockerd.log" >&2
  return 1
}

ensure_runner_image() {
  say "runner image"
  "$ROOT/docker/build-runner.sh"
}

# choose_sandbox: sets MLJUDGE_SANDBOX for run.sh. Docker (started and its runner image built as needed)
# unless the user asked for MLJUDGE_SANDBOX=local themselves; then it warns loudly. When Docker cannot be
# used or the image cannot be built it fails with what to do: never a silent fall back to running
# submitted code as plain processes.
choose_sandbox() {
  case "${MLJUDGE_SANDBOX:-docker}" in
    local)
      loud "MLJUDGE_SANDBOX=local: submitted code runs as PLAIN PROCESSES on this machine, with your" \
           "user's rights, files and network. Authoring on your own laptop only; never expose this site."
      return 0 ;;
    docker) ;;
    *) echo "MLJUDGE_SANDBOX must be docker or local (got '$MLJUDGE_SANDBOX')" >&2; return 2 ;;
  esac
  # (apt_install in a subshell: its failure lands here, with the way out, instead of ending the script.)
  if ! { { docker info >/dev/null 2>&1 || ( apt_install docker.io debootstrap ); } && ensure_docker; }; then
    loud "No Docker engine answers here and none could be started (see $VAR/log/dockerd.log)," \
         "so mljudge does not start: submitted code is only ever run inside Docker containers." \
         "Fix Docker (e.g. start the docker service), or, to author problems alone on your own" \
         "machine, run MLJUDGE_SANDBOX=local scripts/run.sh (UNSAFE: code runs as plain processes)."
    return 1
  fi
  if ! ensure_runner_image; then
    loud "The runner image (what submitted code runs in) could not be built (see above), so mljudge" \
         "does not start. Fix the build (docker/build-runner.sh), or, to author problems alone on your" \
         "own machine, run MLJUDGE_SANDBOX=local scripts/run.sh (UNSAFE: code runs as plain processes)."
    return 1
  fi
  export MLJUDGE_SANDBOX=docker
}

ensure_venv() {
  local stamp="$ROOT/.venv/.mljudge-deps"
  local want
  want=$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)
  if [ -x "$PY" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  say "virtualenv (.venv)"
  [ -x "$PY" ] || python3 -m venv "$ROOT/.venv"
  # The torch extra: the trusted side of the torch runtime (its pin resolves to the CPU build, see pyproject.toml).
  "$ROOT/.venv/bin/pip" install -q -e "$ROOT[test,torch]" >"$VAR/log/pip.log" 2>&1 || { tail -30 "$VAR/log/pip.log" >&2; exit 1; }
  echo "$want" >"$stamp"
}

ensure_frontend() {
  local fe="$ROOT/platform/frontend"
  [ -f "$fe/package.json" ] || return 0
  local stamp="$ROOT/platform/static/dist/.build"
  local want
  want=$(cat "$fe/package.json" "$fe/package-lock.json" 2>/dev/null | sha256sum | cut -c1-16)
  # Current when the stamp matches the manifests and no source is newer than it (no stamp: build).
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
     && [ -z "$(find "$fe/src" -type f -newer "$stamp" -print -quit 2>/dev/null || true)" ]; then return 0; fi
  say "front-end bundle (npm + esbuild)"
  (cd "$fe" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build) \
    >"$VAR/log/npm.log" 2>&1 || { tail -30 "$VAR/log/npm.log" >&2; exit 1; }
  mkdir -p "$(dirname "$stamp")" && echo "$want" >"$stamp"
}

# A private Redis on loopback unless REDIS_URL is already set.
ensure_redis() {
  if [ -n "${REDIS_URL:-}" ]; then return 0; fi
  export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
  if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then return 0; fi
  say "starting a private Redis on 127.0.0.1:$REDIS_PORT"
  mkdir -p "$VAR/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --dir "$VAR/redis" --save '' \
    --appendonly no --logfile "$VAR/log/redis.log"
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "Redis did not start (see $VAR/log/redis.log)" >&2; return 1
}

# A private PostgreSQL cluster on loopback unless DATABASE_URL is already set.
ensure_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then return 0; fi
  export DATABASE_URL="postgres://mljudge:mljudge@127.0.0.1:$PG_PORT/mljudge"
  if ! [ -f "$PG_DATA/PG_VERSION" ]; then
    say "creating a private PostgreSQL cluster in $PG_DATA"
    mkdir -p "$PG_DATA" && chown postgres:postgres "$PG_DATA"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres >"$VAR/log/initdb.log" 2>&1
  fi
  if ! runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -l "$PG_DATA/server.log" \
      -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  fi
  local psql=(runuser -u postgres -- psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtA)
  "${psql[@]}" -c "select 1 from pg_roles where rolname='mljudge'" | grep -q 1 \
    || "${psql[@]}" -c "create role mljudge login password 'mljudge' createdb"
  "${psql[@]}" -c "select 1 from pg_database where datname='mljudge'" | grep -q 1 \
    || "${psql[@]}" -c "create database mljudge owner mljudge"
}
