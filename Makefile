# Two entry points for a newcomer: `make run` and `make test`. Both install what they need.
PYTHON ?= python3
PIP := $(PYTHON) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install system-deps lint bench

run: install
	samarbejdskort serve --host $(HOST) --port $(PORT)

test: install system-deps
	$(PYTHON) -m pytest

install:
	$(PIP) install --quiet --disable-pip-version-check -e '.[test]'

# Debian packages the browser tests and printable diagrams need (headless Chromium, a font with æøå).
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! ls /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core; \
	fi

lint:
	ruff check . && ruff format --check graph api viz ontology benchmarks && mypy

bench:
	samarbejdskort bench
