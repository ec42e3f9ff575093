#!/usr/bin/env bash
# Tools the test suite uses beyond Node: headless Chromium (the /docs page check) and, when it can be
# had, docker-compose (validates docker-compose.yml offline). Installed from Debian's packages if missing.
set -uo pipefail

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v docker-compose >/dev/null || need+=(docker-compose)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing test tools: ${need[*]}"
  apt-get update -qq >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
    || echo "could not install ${need[*]}; the tests that need them will say so"
else
  echo "missing test tools: ${need[*]} (install them, e.g. apt-get install ${need[*]})"
fi
exit 0
