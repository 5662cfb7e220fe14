#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium at /usr/bin/chromium (Playwright's own browser downloads are not used).
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ]; then
  echo "Chromium is missing: installing it with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] || { echo "apt-get finished but $CHROMIUM is still missing" >&2; exit 1; }
  exit 0
fi

cat >&2 <<MSG
Chromium is missing at $CHROMIUM. Install it, then run the tests again:
  sudo apt-get update && sudo apt-get install -y chromium
MSG
exit 1
