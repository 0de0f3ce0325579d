#!/usr/bin/env bash
# Refreshes the README's pictures in docs/screenshots on purpose: the browser tests that take them write
# under var/screenshots otherwise (tests never write into tracked files). Same set-up as scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
MLJUDGE_SCREENSHOTS_DIR="$PWD/docs/screenshots" exec scripts/test.sh tests/platform/browser/test_e2e.py \
  tests/platform/browser/test_e2e_leaderboard.py "$@"
