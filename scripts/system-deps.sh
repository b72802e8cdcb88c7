#!/usr/bin/env bash
# Make sure the operating-system packages OK v3 needs are present.
# As root it installs what is missing with apt-get; otherwise it names the
# exact command to run and fails, so nothing is ever "installed by hand".
set -euo pipefail

need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

for pkg in postgresql-15 postgresql-client-15 postgresql-contrib \
           postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl \
           postgresql-15-plpgsql-check pgbackrest nodejs npm chromium nginx-light mariadb-server ${OK_EXTRA_APT:-}; do
  have_pkg "$pkg" || need+=("$pkg")
done
# nodejs may come from NodeSource rather than Debian; accept any working npm.
if command -v npm >/dev/null 2>&1; then
  need=("${need[@]/nodejs}"); need=("${need[@]/npm}")
fi
missing=()
for p in "${need[@]}"; do [ -n "$p" ] && missing+=("$p"); done

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts a packaged cluster on install; we never use it, and it
  # must not hold the ports or memory of the private cluster.
  exit 0
fi

echo "system-deps: missing packages: ${missing[*]}" >&2
echo "system-deps: install them with:  sudo apt-get install ${missing[*]}" >&2
exit 1
