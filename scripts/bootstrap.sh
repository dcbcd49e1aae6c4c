#!/usr/bin/env bash
# Makes a fresh clone ready: npm dependencies (which bring their own Node 24 for npm scripts) and,
# for the tests, Debian's Chromium and PyTorch. Safe to run again; it only does what is missing.
#   scripts/bootstrap.sh deps      npm dependencies only (serving the site)
#   scripts/bootstrap.sh all       + Chromium and Debian's python3-torch (running every test)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}

lock_stamp=node_modules/.package-lock.json
if [ ! -f "$lock_stamp" ] || [ package-lock.json -nt "$lock_stamp" ] || [ ! -x node_modules/.bin/node ]; then
  echo "bootstrap: installing npm dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi

# apt-get as root, for what only Debian provides here
apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "bootstrap: installing Debian packages: $*…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "bootstrap: missing Debian packages: $* (install them, or run as root)" >&2
    exit 1
  fi
}

if [ "$mode" = all ]; then
  # the starter project's tests really train with Debian's PyTorch (PyPI is not reachable here)
  if ! /usr/bin/python3 -c 'import torch, numpy' 2>/dev/null; then
    apt_install python3-torch python3-numpy
  fi
  browser=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [ ! -x "$browser" ]; then
    if [ -n "${CHROMIUM_PATH:-}" ]; then
      echo "bootstrap: CHROMIUM_PATH=$browser is not an executable" >&2
      exit 1
    fi
    apt_install chromium
  fi
fi
