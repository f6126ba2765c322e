#!/usr/bin/env bash
# Starts the production binary in a real window under Xvfb, with a fresh
# data folder, and writes a screenshot of the whole screen.
set -euo pipefail
bin=$1 out=$2
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
AFFDESK_DATA_DIR=$data xvfb-run -a -s "-screen 0 1280x900x24" sh -c \
  "$bin >/dev/null 2>&1 & p=\$!; sleep 6; import -window root '$out'; kill \$p"
echo "window: $out"
