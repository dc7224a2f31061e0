#!/usr/bin/env bash
# All tests, unit and integration, against a real Elasticsearch node (ES_URL, else Docker, else the embedded node).
# The browser tests drive Debian's Chromium; it is installed here when missing (root with apt, as on a fresh machine).
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "test.sh: installing Debian's chromium, chromium-driver and Arabic fonts for the browser tests" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-noto-core >/dev/null
fi
exec mvn -B verify "$@"
