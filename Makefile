# AffDesk build and test entry points.
#   make run   installs what is missing, builds, and opens the app
#   make test  installs what is missing and runs every check
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
.DEFAULT_GOAL := run

APP      := affdesk
VERSION  ?= 0.1.0
COMMIT   ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS  := -X github.com/affdesk/affdesk/app/service.Version=$(VERSION) -X github.com/affdesk/affdesk/app/service.Commit=$(COMMIT)
GUI_TAGS := desktop,production,webkit2_41
TOOLS    := $(CURDIR)/build/tools
WAILS    := $(TOOLS)/wails
WAILS_VERSION := v2.15.0
APT_PKGS := libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config build-essential xvfb xauth chromium \
            imagemagick xdotool x11-utils dbus gnome-keyring libsecret-tools
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
XVFB     := xvfb-run -a -s "-screen 0 1280x900x24"

.PHONY: run test deps system-deps go-deps node-deps bindings frontend build build-dev cli \
        vet go-test keychain-test unit check e2e smoke reliability bench bench-idle fuzz screenshot clean conformance

## run: set up everything and open the app
run: build
	./build/bin/$(APP)

## test: set up everything and run every check
test: deps vet go-test keychain-test unit check build build-dev e2e smoke reliability
	@echo "make test: all checks passed"

deps: system-deps go-deps node-deps bindings

# Debian/Ubuntu packages for the GUI build, the headless window and browser tests.
system-deps:
	@if ! command -v dpkg-query >/dev/null; then echo "not a Debian system: install GTK 3, WebKitGTK 4.1, Xvfb and Chromium yourself"; exit 0; fi; \
	missing=$$(for p in $(APT_PKGS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

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
	mkdir -p screenshots/out
	cd frontend && E2E_OUT=$(CURDIR)/screenshots/out $(XVFB) node e2e/run.mjs
	bash screenshots/window.sh build/bin/$(APP) screenshots/out/window.png
	@ls screenshots/out

clean:
	rm -rf build/bin build/tools frontend/dist/assets frontend/dist/index.html frontend/wailsjs screenshots/out
