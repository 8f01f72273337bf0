# whichflow — make targets. `make test` is what CI runs.
GO ?= go
PKGS := ./...

.PHONY: all build run test fmt-check vet unit race golden bench e2e docs docs-check fuzz man

all: build

# The version is the nearest tag (git describe), the commit the checked-out
# one; a tree without tags keeps the toolchain's own version stamp.
VERSION ?= $(shell git describe --tags --dirty 2>/dev/null)
COMMIT ?= $(shell git rev-parse HEAD 2>/dev/null)
CLIPKG := github.com/whichflow/whichflow/internal/cli
LDFLAGS := $(if $(VERSION),-X $(CLIPKG).version=$(VERSION)) $(if $(COMMIT),-X $(CLIPKG).commit=$(COMMIT))

# CGO_ENABLED=0: a static binary starts without the dynamic loader and
# libc (~12% of start-up; see bench/startup's "go install build" rows).
build:
	CGO_ENABLED=0 $(GO) build -ldflags '$(LDFLAGS)' -o bin/whichflow ./cmd/whichflow

run:
	$(GO) run ./cmd/whichflow

# gofmt check, go vet, unit tests and the testscript end-to-end scripts.
test: fmt-check vet unit

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

unit:
	$(GO) test -count=1 $(PKGS)

# The race detector on the packages that run goroutines (parallel lint, the
# questionnaire's input reader, the spinner, the discovery fetch).
RACE_PKGS := ./internal/lint ./internal/prompt ./internal/iostreams ./internal/cli
race:
	$(GO) test -race -count=1 $(RACE_PKGS)

# Refresh golden files (review the diff before committing).
golden:
	WHICHFLOW_UPDATE=1 $(GO) test -count=1 $(PKGS)

# Start-up ratios (advise, snippet vs hello-world), then lint as whole
# processes against parse-only floors, per format, with max RSS, the hostile
# inputs, and conftest / Spectral when installed (BENCH_RUNS interleaved runs;
# BENCH_FLAGS for more, e.g. -big=false or -only rfc7591-10k).
BENCH_RUNS ?= 5
bench:
	$(GO) run ./bench/startup
	$(GO) run ./bench -runs $(BENCH_RUNS) $(BENCH_FLAGS)

# Every fuzz target in the repository, each for FUZZTIME (bounded, one after another).
FUZZTIME ?= 15s
fuzz:
	@set -e; for dir in $$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u); do \
	  for t in $$(grep -h '^func Fuzz' $$dir/*_test.go | sed 's/^func \(Fuzz[A-Za-z0-9_]*\).*/\1/'); do \
	    echo "== $$dir $$t ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$dir; \
	  done; \
	done

e2e:
	./e2e/run.sh

docs:
	$(GO) run ./cmd/whichflow docs --out docs

# Man pages (whichflow.1, whichflow-advise.1, ...) in build/docs/man; not committed.
man:
	$(GO) run ./cmd/whichflow docs --out build/docs --man
	@echo "man pages in build/docs/man (try: man -l build/docs/man/whichflow.1)"

docs-check:
	$(GO) run ./cmd/whichflow docs --out docs --check
