#!/usr/bin/env bash
# The demo and the end-to-end tests drive Debian's Chromium with the extension loaded (Playwright
# cannot download a browser of its own on machines without general internet access). Install it
# when it is missing and we may (root with apt-get); otherwise say how.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Chromium for the demo and the browser tests (apt-get install chromium)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium found at /usr/bin/chromium. Install it (Debian/Ubuntu: sudo apt-get install chromium)," >&2
echo "or set CHROMIUM_PATH to a Chromium or Chrome binary, then run the command again." >&2
exit 1
