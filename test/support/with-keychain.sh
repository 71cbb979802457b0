#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service keychain (gnome-keyring) on a private
# D-Bus session, with every folder it touches under a temporary directory that is removed
# afterwards. Tests therefore use the same keytar -> libsecret -> keyring path as a Linux desktop.
# Usage: test/support/with-keychain.sh <command> [args...]
set -euo pipefail

if [ "${VEZA_KEYCHAIN_READY:-}" = "1" ]; then
  exec "$@"
fi

if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keychain: dbus-run-session and gnome-keyring-daemon are needed (apt-get install dbus gnome-keyring)" >&2
  exit 1
fi

tmp=$(mktemp -d -t veza-keychain-XXXXXX)
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
mkdir -p "$tmp/data" "$tmp/runtime" "$tmp/config" "$tmp/cache"
chmod 700 "$tmp/runtime"

export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/runtime" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
export VEZA_KEYCHAIN_READY=1

# Inside the private bus: start the keyring's secrets component unlocked (the password only
# unlocks this throw-away keyring), then run the command. dbus-run-session ends the bus, and
# with it the daemon, when the command exits.
dbus-run-session -- bash -c '
  set -euo pipefail
  printf "veza-desk-test" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
  exec "$@"
' with-keychain "$@"
