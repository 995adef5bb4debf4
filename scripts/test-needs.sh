#!/usr/bin/env bash
# What `npm test` needs from the machine besides npm packages, installed where this user can, so the
# README's test command passes on a fresh machine by itself. Run as `pretest`; `.ci/run` relies on it.
#
# Each need is "command:Debian package". Add a line when a test starts needing another program.
set -euo pipefail

needs=(
  "chromium:chromium"         # browser tests, driven by playwright-core (never a downloaded browser)
  "pdftotext:poppler-utils"   # the paper tests read PDFs back as copy and paste would
  "clamd:clamav-daemon"       # the upload tests scan files with a real ClamAV daemon...
  "sigtool:clamav"            # ... whose test signature database ClamAV's sigtool writes
)
# clamd is in /usr/sbin, which is not on every user's PATH.
PATH="$PATH:/usr/sbin"

missing=()
for need in "${needs[@]}"; do
  command -v "${need%%:*}" >/dev/null 2>&1 || missing+=("${need##*:}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing what the tests need: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi

echo "The tests need programs this machine does not have: ${missing[*]}" >&2
echo "Install them with this command, then run npm test again:" >&2
echo "  sudo apt-get install -y ${missing[*]}" >&2
exit 1
