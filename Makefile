# Every target bootstraps what it needs: a pinned uv in .bootstrap/, then the locked .venv/.
# Targets are thin: the work lives in Python (generator/, sora_unified/, sora_sandbox/, sora_cli/, bench/).
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
BOOT := .bootstrap
UV := $(BOOT)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.synced
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
# The hooks of openapi-python-client look ruff up on PATH: put the locked one first.
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
ifneq ($(wildcard /etc/ssl/certs/ca-certificates.crt),)
export SSL_CERT_FILE ?= /etc/ssl/certs/ca-certificates.crt
endif

BASE ?= HEAD
FAIL_ON ?=
SNAPSHOT ?=
SAVE ?=
FORMAT ?= text
PROVIDER ?=
OLD ?=
NEW ?=
DEST ?=
PACKAGE ?=
N ?= 300
F ?= 0.2

.PHONY: help all venv generate test lint typecheck drift vendor dist spec-diff docs-check upstream-check sandbox demo soak bench clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*## "}{printf "  make %-15s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(BOOT)
	$(BOOT)/bin/pip install --quiet uv==$(UV_VERSION)

NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	@touch $@

$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON) --all-extras --group bench --quiet
	@touch $@

venv: $(STAMP) ## Create or update the locked virtual environment

all: generate demo ## The main job: regenerate every client from the specs, then run the offline demo

generate: $(STAMP) ## Regenerate generated/ from specs/ and the runtime's sync twins (incremental; fails on any warning)
	$(PY) -m generator generate

test: $(STAMP) ## Everything CI runs: lint, type checks, drift gate, all tests
	$(PY) -m generator check-drift
	$(MAKE) --no-print-directory lint typecheck
	$(PY) -m pytest -q

lint: $(STAMP) $(NODE_STAMP) ## Lint specs (openapi-spec-validator, our rules, Spectral) and code (ruff)
	$(PY) -m generator lint-specs
	node_modules/.bin/spectral lint specs/*.yaml --ruleset .spectral.yaml --fail-severity warn --quiet
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	@# As the post-hooks see each package (from inside it): the import sections do not depend on the repo's layout.
	for pkg in generated/*/; do (cd $$pkg && $(CURDIR)/$(VENV)/bin/ruff check --isolated --no-cache --target-version py311 --select F,I,UP .) || exit 1; done
	$(PY) -m ruff format --isolated --line-length 120 --check generated

typecheck: $(STAMP) ## mypy --strict on the toolkit and every generated package
	$(PY) -m mypy generator sora_unified sora_sandbox sora_cli bench
	$(PY) -m mypy generated
	$(PY) -m mypy tests/unified/test_typing_readme.py

drift: $(STAMP) ## Regenerate and fail if anything under generated/ changed
	$(PY) -m generator check-drift

dist: $(STAMP) ## Build the sdist and the wheel into dist/ (uv build)
	$(UV) build --out-dir dist

vendor: $(STAMP) ## Copy runtime + generated packages, imports made relative, into DEST=pkg/dir [PACKAGE="a b"]
	$(PY) -m generator vendor "$(DEST)" $(foreach p,$(PACKAGE),--package $(p))

spec-diff: $(STAMP) ## Changelog of specs/ + mappings vs BASE (HEAD), or OLD=a NEW=b; FORMAT=text|markdown|json|github, FAIL_ON=breaking
	$(PY) -m generator spec-diff $(if $(OLD),"$(OLD)" "$(NEW)",--base "$(BASE)") --format "$(FORMAT)" $(if $(FAIL_ON),--fail-on $(FAIL_ON),)

docs-check: $(STAMP) ## Doc pages vs specs and examples (live; SNAPSHOT=specs/snapshots offline; SAVE=, FAIL_ON=, FORMAT=)
	$(PY) -m generator docs-check --format "$(FORMAT)" $(if $(SNAPSHOT),--snapshot "$(SNAPSHOT)",) \
		$(if $(SAVE),--save "$(SAVE)",) $(if $(FAIL_ON),--fail-on $(FAIL_ON),) $(if $(PROVIDER),--provider $(PROVIDER),)

upstream-check: $(STAMP) ## Rivya's published openapi.json vs specs/rivya.yaml: docs-check's OpenAPI case (network)
	$(PY) -m generator upstream-check --format "$(FORMAT)" $(if $(FAIL_ON),--fail-on $(FAIL_ON),)

sandbox: $(STAMP) ## Serve every provider on 127.0.0.1 and print export lines for them (Ctrl-C to stop)
	$(PY) -m sora_sandbox

demo: $(STAMP) ## Offline demo: sandbox + one video per provider through sora_unified
	$(PY) -m sora_sandbox.demo

soak: $(STAMP) ## Fault soak: N tasks (default 300) with fault rate F (default 0.2)
	$(PY) -m sora_sandbox.soak --tasks $(N) --fault-rate $(F)

bench: $(STAMP) ## Benchmarks: overhead, import time, concurrency, polling cost, generation, spec-diff start-up
	$(PY) -m bench

clean: ## Remove the virtual environments and caches
	rm -rf $(VENV) $(BOOT) node_modules .mypy_cache .ruff_cache .pytest_cache
