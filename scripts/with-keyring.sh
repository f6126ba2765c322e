#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked GNOME
# Keyring (its files in a temporary folder), so tests use a real Secret
# Service and never touch the user's own keyring. Usage: with-keyring.sh CMD...
set -euo pipefail
if [ "${1:-}" != "--inside" ]; then
  exec dbus-run-session -- "$0" --inside "$@" 2>/dev/null
fi
shift
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
echo -n "affdesk-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
"$@"
