#!/usr/bin/env bash
# Makes a fresh clone ready: npm dependencies (which bring their own Node 24 for npm scripts) and,
# for the browser tests, Debian's Chromium. Safe to run again; it only does what is missing.
#   scripts/bootstrap.sh deps      npm dependencies only (serving the site)
#   scripts/bootstrap.sh all       dependencies + Chromium (running every test)
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}

lock_stamp=node_modules/.package-lock.json
if [ ! -f "$lock_stamp" ] || [ package-lock.json -nt "$lock_stamp" ] || [ ! -x node_modules/.bin/node ]; then
  echo "bootstrap: installing npm dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi

if [ "$mode" = all ]; then
  browser=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [ ! -x "$browser" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "bootstrap: installing Debian's chromium for the browser tests…"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "bootstrap: no Chromium at $browser. Install Debian's 'chromium' package, or set CHROMIUM_PATH." >&2
      exit 1
    fi
  fi
fi
