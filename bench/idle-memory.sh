#!/usr/bin/env bash
# Idle memory of AffDesk against a hello-world Wails v2 app built and
# measured in the same run: RSS and PSS summed over the app process and
# its WebKit processes, 8 seconds after start, under Xvfb.
set -euo pipefail
app=${1:-build/bin/affdesk}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/dist"
echo '<!doctype html><html><body><h1>Hello</h1></body></html>' > "$work/dist/index.html"
cat > "$work/main.go" <<'GO'
package main

import (
	"embed"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
)

//go:embed all:dist
var assets embed.FS

func main() {
	_ = wails.Run(&options.App{Title: "hello", Width: 1280, Height: 860, AssetServer: &assetserver.Options{Assets: assets}})
}
GO
printf 'module hello\n\ngo 1.26\n' > "$work/go.mod"
(cd "$work" && go get github.com/wailsapp/wails/v2@v2.15.0 >/dev/null 2>&1 && go build -tags desktop,production,webkit2_41 -ldflags "-w -s" -o hello .)

measure() { # command, process pattern, label
  AFFDESK_DATA_DIR="$work/data" xvfb-run -a -s "-screen 0 1280x900x24" sh -c "
    $1 >/dev/null 2>&1 & sleep 8; t=0; p=0
    for x in \$(pgrep -f '$2') \$(pgrep -f WebKitWebProcess) \$(pgrep -f WebKitNetworkProcess); do
      t=\$((t + \$(ps -o rss= -p \$x))); p=\$((p + \$(awk '/^Pss:/{s+=\$2} END{print s}' /proc/\$x/smaps_rollup)))
    done
    echo \"$3 rss_mb=\$((t/1024)) pss_mb=\$((p/1024))\"; pkill -f '$2'"
}
measure "$work/hello" "^$work/hello\$" hello-world
measure "$app" "^$app\$" affdesk
