#!/usr/bin/env bash
# Tools beyond Node, named as both command and Debian package: headless Chromium (the /docs page check),
# docker-compose (validates docker-compose.yml offline) for `make test`; wrk (load generator) for
# `make bench`. Installed from Debian's packages when missing and this runs as root with apt-get.
set -uo pipefail

need=()
for tool in "$@"; do command -v "$tool" >/dev/null || need+=("$tool"); done
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing tools: ${need[*]}"
  apt-get update -qq >/dev/null 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
    || echo "could not install ${need[*]}; what needs them will say so"
else
  echo "missing tools: ${need[*]} (install them, e.g. apt-get install ${need[*]})"
fi
exit 0
