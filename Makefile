# Two entry points for a newcomer: `make run` and `make test`. Both install what they need into a virtual
# environment (.venv): Debian 12 and Ubuntu 24.04 refuse `pip install` into the system Python (PEP 668).
# PYTHON is used only to create the virtual environment; everything else runs from it.
PYTHON ?= python3
VENV ?= .venv
VPY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install venv-deps system-deps lint bench

run: install
	$(VENV)/bin/samarbejdskort serve --host $(HOST) --port $(PORT)

test: install system-deps
	$(VPY) -m pytest

install: $(VENV)/.installed

# Reinstalled when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(VPY)
	$(VPY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@# an editable install does not compile bytecode (a regular one does): do it once, not at every command
	$(VPY) -c 'from benchmarks.bench_support import compile_bytecode; compile_bytecode()' >/dev/null
	touch $@

# Debian/Ubuntu ship `venv` without ensurepip unless python3-venv is installed: install it and try again.
$(VPY):
	@echo "Creating the virtual environment $(VENV) with $(PYTHON) ($$($(PYTHON) --version 2>&1))"
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); $(MAKE) --no-print-directory venv-deps && $(PYTHON) -m venv $(VENV); }
	@test -x $(VPY) || { echo "error: could not create $(VENV) with $(PYTHON)" >&2; exit 1; }

venv-deps:
	@if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	ver="$$($(PYTHON) -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"; \
	echo "Installing python3-venv (python$$ver-venv) so that $(PYTHON) can create a virtual environment"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-venv "python$$ver-venv" \
	  || DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-venv

# Debian packages the browser tests and printable diagrams need (headless Chromium, a font with æøå).
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! ls /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core; \
	fi

lint: install
	$(VPY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check graph api viz ontology benchmarks && $(VENV)/bin/mypy

bench: install
	$(VENV)/bin/samarbejdskort bench
