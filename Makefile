# BrokerDesk: the README's two commands and what they call.
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: run test bench fuzz package setup ui build clean-run

## make run: install what is missing, start a local head office with the demo firm, open the app.
run: build
	scripts/run.sh

## make test: install what is missing, then every test suite, end-to-end included.
test: setup
	scripts/test.sh

## make bench: the sync figures of DESIGN.md's budgets (release build, not part of make test).
bench: setup
	scripts/bench.sh

## make fuzz: the fuzz targets of fuzz/, 60 s each (FUZZ_SECONDS), on nightly Rust (not part of make test).
fuzz: setup
	scripts/fuzz.sh

## make package: the .deb and AppImage installers of this platform, in target/release/bundle/.
package: setup
	scripts/package.sh

setup:
	scripts/setup.sh

ui: setup
	scripts/ui-build.sh

build: ui
	cargo build -p brokerdesk -p head-office

# Forget the demo head office and the local desk of `make run`.
clean-run:
	rm -rf .run
