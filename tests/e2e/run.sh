#!/usr/bin/env bash
# Browser tests: make sure Debian's Chromium is there, build, then run Playwright.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Chromium is missing: installing Debian's chromium package…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian) and try again." >&2
    exit 1
  fi
fi
npx remix build
npx playwright test "$@"
