#!/usr/bin/env bash
# Builds the images of a deployment (docs/deploy.md), offline like docker/build-runner.sh (no registry needed):
#   mljudge-base  Debian bookworm (debootstrap from this host's apt mirror) + python3, tini, redis-server and
#                 postgresql-15. The compose file's Redis and PostgreSQL services run it.
#   mljudge-app   mljudge-base + the project's Python dependencies (wheels this HOST's pip fetched: it knows the
#                 host's index and CA configuration, a chroot does not) + the code, problems/ and the built
#                 front-end. Web, workers and beat all run it; no torch (torch code runs in the runner image).
#   docker/build-app.sh      build what changed, otherwise do nothing
#   MLJUDGE_DEBIAN_MIRROR    override the mirror taken from /etc/apt/sources*
# Each image is tagged <name>:<inputs-hash> and <name>:latest; "current" means an image with that tag exists.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/.." && pwd)
base_image=${MLJUDGE_BASE_IMAGE_NAME:-mljudge-base}
app_image=${MLJUDGE_APP_IMAGE_NAME:-mljudge-app}
mirror=${MLJUDGE_DEBIAN_MIRROR:-}
BASE_PACKAGES="python3 python3-venv tini redis-server postgresql-15 ca-certificates"

# host_mirror (the Debian mirror this host's apt uses), host_pip: docker/lib.sh, shared with build-runner.sh.
source "$here/lib.sh"

build_base() {
  command -v debootstrap >/dev/null || { echo "debootstrap is not installed (apt-get install debootstrap)" >&2; exit 1; }
  [ -n "$mirror" ] || mirror=$(host_mirror | head -1)
  [ -n "$mirror" ] || { echo "no Debian bookworm mirror in /etc/apt/sources*: set MLJUDGE_DEBIAN_MIRROR" >&2; exit 1; }
  local root
  root=$(mktemp -d /var/tmp/mljudge-base.XXXXXX)
  # shellcheck disable=SC2064
  trap "umount '$root/proc' 2>/dev/null || true; rm -rf '$root' '$root.log'" EXIT
  echo "debootstrap bookworm into $root (from $mirror)"
  debootstrap --variant=minbase --include=ca-certificates bookworm "$root" "$mirror" >"$root.log" 2>&1 \
    || { tail -20 "$root.log" >&2; exit 1; }
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc"
  local run=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
             DEBIAN_FRONTEND=noninteractive chroot "$root")
  "${run[@]}" update-ca-certificates >/dev/null
  # No service starts inside the chroot, and the postgresql package creates no cluster: the entrypoint
  # creates one in the data volume on first start.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d"
  mkdir -p "$root/etc/postgresql-common/createcluster.d"
  echo "create_main_cluster = false" >"$root/etc/postgresql-common/createcluster.d/mljudge.conf"
  "${run[@]}" apt-get update -q >>"$root.log" 2>&1 || { tail -20 "$root.log" >&2; exit 1; }
  # shellcheck disable=SC2086
  "${run[@]}" apt-get install -y -q --no-install-recommends $BASE_PACKAGES >>"$root.log" 2>&1 \
    || { tail -20 "$root.log" >&2; exit 1; }
  "${run[@]}" useradd --system --uid 10001 --user-group --home-dir /var/lib/mljudge --shell /usr/sbin/nologin mljudge
  install -m 0755 "$here/base/postgres-entrypoint.sh" "$root/usr/local/bin/postgres-entrypoint"
  install -m 0755 "$here/base/redis-entrypoint.sh" "$root/usr/local/bin/redis-entrypoint"
  umount "$root/proc"
  # The image keeps no trace of the build host: its CA, resolver, caches and docs go.
  rm -f "$root"/usr/local/share/ca-certificates/*.crt "$root/usr/sbin/policy-rc.d"
  "${run[@]}" update-ca-certificates --fresh >/dev/null
  : >"$root/etc/resolv.conf"
  rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* \
         "$root"/root/.cache
  tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' \
    --change 'ENTRYPOINT ["/usr/bin/tini", "--"]' \
    --change "LABEL org.mljudge.inputs=$base_inputs" \
    - "$base_tag" >/dev/null
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root" "$root.log"
  trap - EXIT
}

# The base image's inputs: the function that builds it, its packages and its entrypoints.
base_inputs=$({ declare -f build_base; echo "$BASE_PACKAGES"; cat "$here"/base/*; } | sha256sum | cut -c1-16)
base_tag="$base_image:$base_inputs"

ensure_base() {
  if docker image inspect "$base_tag" >/dev/null 2>&1; then
    echo "base image $base_tag is current"
  else
    local started=$SECONDS
    build_base
    echo "built base image $base_tag in $((SECONDS - started)) s"
  fi
  docker tag "$base_tag" "$base_image:latest"
}


# The build context (var/cache/app-build/): requirements and wheels, then the code as git sees it (tracked and
# new files, nothing ignored), the built front-end and problems/.
prepare_context() {
  local ctx=$1 py req_hash
  py=$(host_pip)
  mkdir -p "$(dirname "$ctx")"
  "$py" - "$project/pyproject.toml" >"$ctx.requirements" <<'PY'
import sys, tomllib
print("\n".join(tomllib.load(open(sys.argv[1], "rb"))["project"]["dependencies"]))
PY
  # The image's own Python (bookworm's 3.11.x): environment markers are evaluated for it, not for the host's.
  local pyver
  pyver=$(docker run --rm --network none --entrypoint python3 "$base_tag" -c 'import platform; print(platform.python_version())')
  req_hash=$({ echo "$pyver"; cat "$ctx.requirements"; } | sha256sum | cut -c1-16)
  local wheels="$project/var/cache/wheels/app-$req_hash"
  if [ ! -f "$wheels/requirements.txt" ]; then
    echo "fetching the wheels of pyproject.toml's dependencies for Python $pyver with this host's pip"
    rm -rf "$wheels" && mkdir -p "$wheels"
    # `pip wheel` builds any dependency published only as an sdist (pure Python) on this host. The host's
    # Python may differ from the image's in a way environment markers see (python_full_version < "3.11.3"
    # pulls async-timeout for bookworm's 3.11.2), and pip evaluates markers for the running interpreter only:
    # so the image's pip resolves against the wheels (no network), and whatever it misses is fetched here.
    "$py" -m pip wheel -q --disable-pip-version-check -w "$wheels" -r "$ctx.requirements"
    cp "$ctx.requirements" "$wheels/requirements.txt"
    local missing _
    for _ in 1 2 3 4 5 6; do
      missing=$(docker run --rm --network none -v "$wheels:/wheels:ro" --entrypoint sh "$base_tag" -c \
        'python3 -m venv /tmp/v && /tmp/v/bin/pip install -q --disable-pip-version-check --dry-run --no-index \
           --find-links /wheels -r /wheels/requirements.txt 2>&1 >/dev/null' \
        | sed -n 's/^ERROR: No matching distribution found for \([^;]*\).*/\1/p' | head -1) || true
      [ -n "$missing" ] || break
      echo "the image's Python also needs $missing"
      "$py" -m pip wheel -q --disable-pip-version-check -w "$wheels" "$missing"
    done
    rm -f "$wheels/requirements.txt"
    cp "$ctx.requirements" "$wheels/requirements.txt"
  fi
  rm -rf "$ctx" && mkdir -p "$ctx/app"
  cp -r "$wheels" "$ctx/wheels"
  rm -f "$ctx.requirements"
  if [ ! -f "$project/platform/static/dist/main.js" ]; then
    echo "building the front-end bundle (npm run build)"
    npm --prefix "$project/platform/frontend" run -s build
  fi
  (cd "$project" && git ls-files -co --exclude-standard -- grader platform problems mljudge_cli plans manage.py \
      pyproject.toml | grep -v '^platform/frontend/' | while IFS= read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done
   find platform/static/dist -type f) | sort -u | tar -C "$project" -c -T - | tar -C "$ctx/app" -x
  find "$ctx/app" -name '__pycache__' -prune -exec rm -rf {} +
}

ensure_app() {
  local ctx="$project/var/cache/app-build" inputs tag started=$SECONDS
  prepare_context "$ctx"
  cp "$here/app.Dockerfile" "$ctx/Dockerfile"
  inputs=$({ echo "$base_inputs"; cat "$ctx/Dockerfile"
             tar -C "$ctx" --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -c app wheels; } \
           | sha256sum | cut -c1-16)
  tag="$app_image:$inputs"
  if docker image inspect "$tag" >/dev/null 2>&1; then
    echo "app image $tag is current"
  else
    docker build -q --network none --build-arg "BASE=$base_tag" --label "org.mljudge.inputs=$inputs" \
      -t "$tag" "$ctx" >/dev/null
    echo "built app image $tag in $((SECONDS - started)) s," \
      "$(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%d MB", $1 / 1e6}')"
  fi
  docker tag "$tag" "$app_image:latest"
}

ensure_base
ensure_app
