#!/usr/bin/env bash
# The one place that installs what the test suite needs from the operating system (Debian packages).
# `npm test` runs it first (the "pretest" script), `.ci/run` too. Missing packages are installed with
# apt-get when running as root; otherwise it prints the exact command to run and exits 1.
#
# To add a system tool for a test: add one line below, "<debian-package> <file-the-tests-use>" (a glob is fine).
# Usage: scripts/system-deps.sh [--check]   (--check: only report what is missing, exit 1 if anything is)
set -euo pipefail

PACKAGES='
chromium          /usr/bin/chromium
fonts-wqy-zenhei  /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
nginx             /usr/sbin/nginx
postgresql        /usr/lib/postgresql/*/bin/initdb
poppler-utils     /usr/bin/pdftotext
openssl           /usr/bin/openssl
systemd           /usr/bin/systemd-analyze
'

missing=()
while read -r pkg file; do
  [ -z "$pkg" ] && continue
  # shellcheck disable=SC2086 # the glob in $file is meant to expand
  if ! compgen -G "$file" >/dev/null; then missing+=("$pkg"); fi
done <<<"$PACKAGES"

[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "${1:-}" = "--check" ]; then
  echo "system-deps: missing Debian packages for the tests: ${missing[*]}" >&2
  exit 1
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: the tests need these Debian packages: ${missing[*]}" >&2
  echo "system-deps: install them, then run the tests again:" >&2
  echo "  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi

echo "system-deps: installing ${missing[*]} (apt-get; needed by the tests) ..." >&2
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run to finish instead of failing on its lock.
lock='-o DPkg::Lock::Timeout=600'
# shellcheck disable=SC2086
apt-get $lock update -qq
# shellcheck disable=SC2086
apt-get $lock install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# nginx's Debian package starts a system nginx on :80; the tests run their own, so leave none running.
if [[ " ${missing[*]} " == *" nginx "* ]] && command -v nginx >/dev/null; then
  (systemctl stop nginx 2>/dev/null || service nginx stop 2>/dev/null || nginx -s quit 2>/dev/null) || true
fi
exec "$0" --check
