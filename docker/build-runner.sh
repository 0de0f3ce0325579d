#!/usr/bin/env bash
# Builds the runner images that submitted code runs in, one per runtime:
#   mljudge-runner        python3 + NumPy + SciPy + scikit-learn (runtime "numpy")
#   mljudge-runner-torch  the same plus PyTorch 2.13.0 CPU (runtime "torch"), built FROM the first
#   docker/build-runner.sh            build what changed, otherwise do nothing
#   MLJUDGE_RUNNER_BUILD=dockerfile   force the registry path (docker build of docker/runner.Dockerfile)
#   MLJUDGE_RUNNER_BUILD=debootstrap  force the offline path (Debian packages + docker import)
# Each image is tagged <name>:<inputs-hash> and <name>:latest; the hash of this script and its inputs is
# stored as a label, which is how "current" is decided.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/.." && pwd)
image=${MLJUDGE_RUNNER_IMAGE_NAME:-mljudge-runner}
torch_image=${MLJUDGE_RUNNER_TORCH_IMAGE_NAME:-$image-torch}
mode=${MLJUDGE_RUNNER_BUILD:-auto}
mirror=${MLJUDGE_DEBIAN_MIRROR:-}

# host_mirror, host_pip: docker/lib.sh (shared with build-app.sh).
source "$here/lib.sh"

# The NumPy image's hash covers this script too, so the torch image (built FROM it) follows it.
inputs=$(cat "$here/build-runner.sh" "$here/lib.sh" "$here/runner.Dockerfile" "$here/runner-requirements.txt" \
  | sha256sum | cut -c1-16)
tag="$image:$inputs"


build_dockerfile() {
  docker build --label "org.mljudge.inputs=$inputs" -f "$here/runner.Dockerfile" -t "$tag" "$here"
}

build_debootstrap() {
  command -v debootstrap >/dev/null || { echo "debootstrap is not installed (apt-get install debootstrap)" >&2; exit 1; }
  [ -n "$mirror" ] || mirror=$(host_mirror | head -1)
  [ -n "$mirror" ] || { echo "no Debian bookworm mirror in /etc/apt/sources*: set MLJUDGE_DEBIAN_MIRROR" >&2; exit 1; }
  local root
  root=$(mktemp -d /var/tmp/mljudge-rootfs.XXXXXX)
  # shellcheck disable=SC2064
  trap "umount '$root/proc' 2>/dev/null || true; rm -rf '$root'" EXIT
  echo "debootstrap bookworm into $root (from $mirror)"
  debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates bookworm "$root" "$mirror" >"$root.log" 2>&1 \
    || { tail -20 "$root.log" >&2; exit 1; }
  rm -f "$root.log"
  # TLS-intercepting networks: pip inside the chroot must trust what this host trusts.
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mount -t proc proc "$root/proc"
  local run=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
             PIP_CERT=/etc/ssl/certs/ca-certificates.crt PIP_DISABLE_PIP_VERSION_CHECK=1 chroot "$root")
  "${run[@]}" update-ca-certificates >/dev/null
  "${run[@]}" python3 -m venv /opt/venv
  cp "$here/runner-requirements.txt" "$root/tmp/req.txt"
  "${run[@]}" /opt/venv/bin/pip install --no-cache-dir -q -r /tmp/req.txt
  umount "$root/proc"
  # The image keeps no trace of the build host: its CA, resolver, caches and docs go.
  rm -f "$root"/usr/local/share/ca-certificates/*.crt "$root/tmp/req.txt"
  "${run[@]}" update-ca-certificates --fresh >/dev/null
  : >"$root/etc/resolv.conf"
  rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* \
         "$root"/root/.cache
  mkdir -p "$root/sandbox" && chmod 0755 "$root/sandbox"
  tar -C "$root" -c . | docker import \
    --change 'ENV PATH=/opt/venv/bin:/usr/local/bin:/usr/bin:/bin' \
    --change 'USER 65534:65534' \
    --change 'WORKDIR /sandbox' \
    --change "LABEL org.mljudge.inputs=$inputs" \
    - "$tag" >/dev/null
}

build_numpy() {
  if docker image inspect "$tag" >/dev/null 2>&1; then
    docker tag "$tag" "$image:latest"
    echo "runner image $tag is current"
    return 0
  fi
  case "$mode" in
  dockerfile) build_dockerfile ;;
  debootstrap) build_debootstrap ;;
  auto)
    # A registry answers a pull of the base quickly; without one the pull fails at once (no DNS/route).
    if timeout 120 docker pull -q python:3.11-slim-bookworm >/dev/null 2>&1; then
      build_dockerfile
    else
      echo "no container registry reachable: building the runner image from Debian packages"
      build_debootstrap
    fi ;;
  *) echo "MLJUDGE_RUNNER_BUILD must be auto, dockerfile or debootstrap (got '$mode')" >&2; exit 2 ;;
  esac
  docker tag "$tag" "$image:latest"
  echo "built runner image $tag"
}

# The torch image: FROM the NumPy image just built (a local image: docker build pulls nothing), plus the
# wheels of docker/runner-torch-requirements.txt. The HOST's pip downloads them (it knows this host's index
# configuration; the image does not), into var/cache/wheels/torch-<hash>/, which is then the build context;
# the image's pip installs them with --no-index and the build has no network.
torch_inputs=$({ echo "$inputs"; cat "$here/runner-torch.Dockerfile" "$here/runner-torch-requirements.txt"; } \
  | sha256sum | cut -c1-16)
torch_tag="$torch_image:$torch_inputs"


build_torch() {
  if docker image inspect "$torch_tag" >/dev/null 2>&1; then
    docker tag "$torch_tag" "$torch_image:latest"
    echo "runner image $torch_tag is current"
    return 0
  fi
  local py pyver ctx started
  started=$(date +%s)
  py=$(host_pip)
  # Wheels for the image's Python, whatever the host's is (both x86-64 glibc Linux).
  pyver=$(docker run --rm --network none "$tag" python -c 'import sys; print("%d.%d" % sys.version_info[:2])')
  ctx="$project/var/cache/wheels/torch-$torch_inputs"
  mkdir -p "$ctx"
  echo "downloading the torch wheels for Python $pyver with this host's pip"
  "$py" -m pip download -q --disable-pip-version-check --only-binary=:all: --python-version "$pyver" \
    -r "$here/runner-torch-requirements.txt" -d "$ctx"
  cp "$here/runner-torch-requirements.txt" "$ctx/"
  docker build -q --network none --build-arg "BASE=$tag" --build-arg "PYVER=$pyver" \
    --label "org.mljudge.inputs=$torch_inputs" -f "$here/runner-torch.Dockerfile" -t "$torch_tag" "$ctx" >/dev/null
  docker tag "$torch_tag" "$torch_image:latest"
  echo "built runner image $torch_tag in $(( $(date +%s) - started )) s," \
    "$(docker image inspect -f '{{.Size}}' "$torch_tag" | awk '{printf "%d MB", $1 / 1e6}')"
}

build_numpy
build_torch
