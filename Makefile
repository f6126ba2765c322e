# AffDesk build and test entry points.
#   make run   installs what is missing, builds, and opens the app
#   make test  installs what is missing and runs every check
#   make release, make release-check   installable artefacts in dist/, and their checks
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
.DEFAULT_GOAL := run

APP      := affdesk
# The version every build carries: git describe, or 0.0.0-<commit> before the first tag.
ifeq ($(origin VERSION),undefined)
VERSION  := $(shell build/release/version.sh)
endif
COMMIT   ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS  := -X github.com/affdesk/affdesk/app/service.Version=$(VERSION) -X github.com/affdesk/affdesk/app/service.Commit=$(COMMIT)
GUI_TAGS := desktop,production,webkit2_41
TOOLS    := $(CURDIR)/build/tools
WAILS    := $(TOOLS)/wails
WAILS_VERSION := v2.15.0
APT_PKGS := libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config build-essential xvfb xauth chromium \
            imagemagick xdotool x11-utils dbus gnome-keyring libsecret-tools
RELEASE_APT_PKGS := nsis p7zip-full desktop-file-utils
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
XVFB     := xvfb-run -a -s "-screen 0 1280x900x24"

.PHONY: run test deps system-deps go-deps node-deps bindings frontend build build-dev cli \
        vet go-test keychain-test unit check e2e smoke reliability bench bench-idle fuzz screenshot clean conformance \
        release release-deps release-prep release-windows release-linux release-cli release-all release-macos release-check

## run: set up everything and open the app
run: build
	./build/bin/$(APP)

## test: set up everything and run every check
test: deps vet go-test keychain-test unit check build build-dev e2e smoke reliability release-check
	@echo "make test: all checks passed"

deps: system-deps go-deps node-deps bindings

# apt_install installs those of the Debian packages $(1) that are missing;
# elsewhere it says what to install by hand ($(2)).
define apt_install
	@if ! command -v dpkg-query >/dev/null; then echo "not a Debian system: install $(2) yourself"; exit 0; fi; \
	missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

# Debian/Ubuntu packages for the GUI build, the headless window and browser tests.
system-deps:
	$(call apt_install,$(APT_PKGS),GTK 3 WebKitGTK 4.1 Xvfb and Chromium)

go-deps: $(WAILS)
	go mod download

$(WAILS):
	GOBIN=$(TOOLS) go install github.com/wailsapp/wails/v2/cmd/wails@$(WAILS_VERSION)

node-deps: frontend/node_modules/.package-lock.json

frontend/node_modules/.package-lock.json: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

# The generated JavaScript bindings of the Go APIs (frontend/wailsjs, not committed).
bindings: $(WAILS)
	@mkdir -p frontend/dist && touch frontend/dist/.gitkeep
	@out=$$($(WAILS) generate module -tags webkit2_41 2>&1) || { echo "$$out"; exit 1; }

frontend: node-deps bindings
	cd frontend && npm run build

## build: the production desktop binary in build/bin
build: deps frontend
	go build -tags $(GUI_TAGS) -ldflags "-w -s $(LDFLAGS)" -o build/bin/$(APP) .

# The dev-tagged build serves the UI and live bindings on a local port, for browser tests.
build-dev: deps frontend
	go build -tags dev,webkit2_41 -ldflags "$(LDFLAGS)" -o build/bin/$(APP)-dev .

## cli: a binary without GUI libraries; every subcommand works
cli: bindings
	CGO_ENABLED=0 go build -ldflags "$(LDFLAGS)" -o build/bin/$(APP)-cli .

vet: bindings
	go vet ./...

go-test: bindings
	go test -race -count=1 ./...

# The secret path against a real Secret Service (GNOME Keyring on a private D-Bus session).
keychain-test: bindings
	AFFDESK_REAL_KEYCHAIN=1 scripts/with-keyring.sh go test -count=1 -run 'TestRealKeychain' -v ./app/cli/ | grep -E '^(--- |ok|FAIL|PASS)'

unit: node-deps
	cd frontend && npx vitest run

check: node-deps bindings
	cd frontend && npm run check

e2e: build-dev
	cd frontend && $(XVFB) node e2e/run.mjs

# The GUI-free build runs subcommands with no GTK on the machine.
smoke: cli
	d=$$(mktemp -d); trap 'rm -rf $$d' EXIT; \
	./build/bin/$(APP)-cli version && ./build/bin/$(APP)-cli --data-dir $$d connections list >/dev/null && \
	! ldd ./build/bin/$(APP)-cli >/dev/null 2>&1 && echo "smoke: static CLI build runs"

## reliability: SIGKILL the real binary during runs of writes and during
## imports (AFFDESK_KILLS times, 100 by default) and count what was lost
reliability: cli
	AFFDESK_BIN=$(CURDIR)/build/bin/$(APP)-cli go test -tags reliability -count=1 -run TestKillLoop -v ./app/cli/

## bench: every Go benchmark (3 runs each), printed as one table: each
## figure beside its same-run baseline and the ratio; kept in build/bench.md
BENCH_COUNT ?= 3
bench: bindings
	@mkdir -p build
	go test -run '^$$' -bench . -benchmem -count $(BENCH_COUNT) ./backend/... ./app/... | tee build/bench.txt
	@go run ./bench/table -header "$$(uname -srm), $$(nproc) cores, $$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $$(date -u +%F); commit $(COMMIT)" < build/bench.txt | tee build/bench.md

## bench-idle: idle memory of the real window against a hello-world Wails app, same run
bench-idle: build
	bash bench/idle-memory.sh build/bin/$(APP)

## fuzz: a short run (FUZZTIME each) of every fuzz target in the repo,
## found by name so a new target is never left out; the kept corpora in
## testdata run in go-test.
FUZZTIME ?= 10s
fuzz: bindings
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' backend app); do \
		dir=./$$(dirname $$f); \
		for t in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
			echo "fuzz $$dir $$t"; \
			go test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) $$dir; \
		done; \
	done

## conformance: the importers against independent corpora (../shared/corpora
## unless CORPORA says otherwise); one line per corpus, not part of make test
CORPORA ?= ../shared/corpora
conformance:
	go run ./bench/conformance -corpora $(CORPORA) -v

## screenshot: PNGs of each page of the real app, under Xvfb
screenshot: build build-dev
	rm -rf screenshots/out && mkdir -p screenshots/out
	cd frontend && E2E_OUT=$(CURDIR)/screenshots/out $(XVFB) node e2e/run.mjs
	bash screenshots/window.sh build/bin/$(APP) screenshots/out/window.png
	@ls screenshots/out

## release: installable artefacts, named with $(VERSION), and SHA256SUMS in
## dist/: on Linux the Windows installer and portable zip, the .deb, the
## tarball and the static CLI builds; on macOS the .app in a .dmg and a zip.
## See docs/release.md.
DIST     := dist
STAGE    := build/stage
NFPM     := go run github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.45.2
WINRES   := go run github.com/tc-hib/go-winres@v0.3.3
ifeq ($(shell uname -s),Darwin)
release: release-macos
else
release: release-all
endif

release-all: release-windows release-linux release-cli
	cd $(DIST) && sha256sum AffDesk-$(VERSION)-* affdesk-cli-$(VERSION)-* > SHA256SUMS
	@ls -l $(DIST) | tail -n +2

# Packaging tools for the Linux-hosted release (makensis, 7z, desktop-file-validate).
release-deps:
	$(call apt_install,$(RELEASE_APT_PKGS),NSIS p7zip and desktop-file-utils)

release-prep: deps release-deps frontend
	rm -rf $(DIST) $(STAGE) && mkdir -p $(DIST) $(STAGE)
	@echo "release $(VERSION), commit $(COMMIT)"

# The Windows GUI build: resources (icon, manifest, version) from a .syso
# that go-winres makes beside main.go, GUI subsystem, no cgo; then the NSIS
# installer, carrying the WebView2 bootstrapper that ships in the Wails
# module, and the portable zip. makensis's log records what the installer does.
release-windows: release-prep
	@mkdir -p $(STAGE)/windows
	trap 'rm -f rsrc_windows_amd64.syso' EXIT; \
	winver=$$(go run ./build/release winversion $(VERSION)) && \
	$(WINRES) make --in build/windows/winres.json --arch amd64 --out rsrc --product-version $(VERSION) --file-version $$winver && \
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -trimpath -tags desktop,production \
	  -ldflags "-H windowsgui -w -s $(LDFLAGS)" -o $(STAGE)/windows/AffDesk.exe .
	go run ./build/release ico build/appicon.png $(STAGE)/windows/affdesk.ico
	makensis -V4 -DVERSION=$(VERSION) -DWINVERSION=$$(go run ./build/release winversion $(VERSION)) \
	  -DEXE=$(CURDIR)/$(STAGE)/windows/AffDesk.exe -DICON=$(CURDIR)/$(STAGE)/windows/affdesk.ico \
	  -DWEBVIEW2=$$(go list -m -f '{{.Dir}}' github.com/wailsapp/wails/v2)/internal/webview2runtime/MicrosoftEdgeWebview2Setup.exe \
	  -DOUTFILE=$(CURDIR)/$(DIST)/AffDesk-$(VERSION)-windows-amd64-installer.exe \
	  build/windows/installer/affdesk.nsi > $(STAGE)/windows/makensis.log || { tail -30 $(STAGE)/windows/makensis.log; exit 1; }
	cd $(STAGE)/windows && 7z a -tzip -mx=9 $(CURDIR)/$(DIST)/AffDesk-$(VERSION)-windows-amd64-portable.zip AffDesk.exe >/dev/null

# The Linux GUI build in a .deb (nfpm, build/linux/nfpm.yaml) and in a
# tarball laid out as a prefix (bin/, share/): extract it into ~/.local.
release-linux: release-prep
	@mkdir -p $(STAGE)/linux
	go build -trimpath -tags $(GUI_TAGS) -ldflags "-w -s $(LDFLAGS)" -o $(STAGE)/linux/affdesk .
	go run ./build/release icons build/appicon.png $(STAGE)/linux/icons
	DEB_VERSION=$$(go run ./build/release debversion $(VERSION)) \
	  $(NFPM) package --config build/linux/nfpm.yaml --packager deb --target $(DIST)/AffDesk-$(VERSION)-linux-amd64.deb
	t=$(STAGE)/linux/AffDesk-$(VERSION)-linux-amd64; \
	mkdir -p $$t/bin $$t/share/applications $$t/share/icons && \
	cp $(STAGE)/linux/affdesk $$t/bin/ && cp build/linux/affdesk.desktop $$t/share/applications/ && \
	cp -r $(STAGE)/linux/icons $$t/share/icons/hicolor && \
	tar -C $(STAGE)/linux --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$$(git log -1 --format=%ct 2>/dev/null || echo 0) \
	  -czf $(DIST)/AffDesk-$(VERSION)-linux-amd64.tar.gz AffDesk-$(VERSION)-linux-amd64

# The command line alone: static, no cgo, no GUI libraries, for any Linux.
release-cli: release-prep
	for arch in amd64 arm64; do \
	  CGO_ENABLED=0 GOOS=linux GOARCH=$$arch go build -trimpath -ldflags "-w -s $(LDFLAGS)" \
	    -o $(DIST)/affdesk-cli-$(VERSION)-linux-$$arch . || exit 1; \
	done

# On a Mac with Xcode's command-line tools: the universal .app, its
# version set in Info.plist, in a .dmg (hdiutil) and a zip (ditto). Unsigned.
release-macos: deps frontend
	rm -rf $(DIST) $(STAGE) && mkdir -p $(DIST) $(STAGE)/dmg
	$(WAILS) build -platform darwin/universal -s -skipbindings -m -nosyncgomod -trimpath -ldflags "$(LDFLAGS)"
	plutil -replace CFBundleShortVersionString -string "$(VERSION)" build/bin/AffDesk.app/Contents/Info.plist
	plutil -replace CFBundleVersion -string "$(VERSION)" build/bin/AffDesk.app/Contents/Info.plist
	ditto build/bin/AffDesk.app $(STAGE)/dmg/AffDesk.app && ln -s /Applications $(STAGE)/dmg/Applications
	hdiutil create -volname "AffDesk $(VERSION)" -srcfolder $(STAGE)/dmg -ov -format UDZO $(DIST)/AffDesk-$(VERSION)-macos-universal.dmg
	ditto -c -k --keepParent build/bin/AffDesk.app $(DIST)/AffDesk-$(VERSION)-macos-universal.zip
	cd $(DIST) && shasum -a 256 AffDesk-$(VERSION)-* > SHA256SUMS
	@ls -l $(DIST)

## release-check: build the release, then install and remove the .deb (as
## root, or with sudo -n), and check every artefact (build/release/check.sh)
release-check: release release-deps
	build/release/check.sh $(VERSION) $(COMMIT) $(DIST) $(STAGE)

clean:
	rm -rf build/bin build/tools build/stage dist frontend/dist/assets frontend/dist/index.html frontend/wailsjs screenshots/out
