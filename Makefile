# Tanker Watch developer commands. Works as root on a fresh Debian 12 (QGIS 3.22) or 13 (QGIS 3.40).
# `make help` lists the targets.

SHELL := /bin/bash
.DEFAULT_GOAL := help

SYSTEM_PYTHON := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
ZIP := dist/tanker_watch-$(VERSION).zip
APT_PACKAGES := qgis python3-qgis qgis-providers xvfb xauth python3-venv python3-pandas \
	python3-numpy python3-requests pyqt5-dev-tools qttools5-dev-tools poppler-utils git zip unzip make
# Translations compiled from the tracked .ts sources.
TS := $(wildcard i18n/*.ts)
QM := $(TS:.ts=.qm)
LRELEASE := $(firstword $(wildcard /usr/lib/qt5/bin/lrelease /usr/lib/x86_64-linux-gnu/qt5/bin/lrelease /usr/lib/aarch64-linux-gnu/qt5/bin/lrelease) lrelease)
PYTEST_ARGS ?=

.PHONY: help deps apt-deps venv test test-core package install uninstall dev-link lint translations qm clean

help:
	@echo "make deps          install system packages (apt) and the dev venv (.venv)"
	@echo "make demo          run the whole chain on the bundled simulated 2024 Vostochny data -> demo-output/"
	@echo "make test          install what is missing, then run every test headless"
	@echo "make package       build and validate $(ZIP)"
	@echo "make install       install the packaged plugin into your QGIS profile"
	@echo "make uninstall     remove it from your QGIS profile"
	@echo "make dev-link      symlink this working tree into your QGIS profile"
	@echo "make lint          ruff, flake8-qgis (Qt6 rules) and bandit"
	@echo "make translations  refresh i18n/*.ts from the sources"

deps: apt-deps venv

# apt-get only runs when a package is missing, so a second `make deps` is instant.
apt-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:" $$missing; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -q && apt-get install -y -q --no-install-recommends $$missing; \
	fi

venv: $(VENV)/.installed

# The stamp depends on the requirements file; pytest-qgis is chosen from the installed QGIS.
$(VENV)/.installed: requirements/dev.txt | apt-deps
	@test -x $(PY) || $(SYSTEM_PYTHON) -m venv --system-site-packages $(VENV)
	@qgis_int=$$($(SYSTEM_PYTHON) -c "from qgis.core import Qgis; print(Qgis.QGIS_VERSION_INT)"); \
	if [ "$$qgis_int" -lt 33400 ]; then pq="pytest-qgis==2.1.0"; else pq="pytest-qgis>=4.1,<6"; fi; \
	echo "QGIS $$qgis_int: installing $$pq and requirements/dev.txt"; \
	$(PY) -m pip install -q --disable-pip-version-check -r requirements/dev.txt "$$pq"
	@touch $@

i18n/%.qm: i18n/%.ts
	$(LRELEASE) -silent $< -qm $@

qm: $(QM)

test: deps qm
	QT_QPA_PLATFORM=offscreen xvfb-run -a -s "-screen 0 1600x1000x24" \
		$(PY) -m pytest --qgis_disable_gui -p no:cacheprovider tests $(PYTEST_ARGS)

# demo-output/ is the demo's own folder: each run replaces its contents (a folder it did not write is refused).
.PHONY: demo
demo: venv
	QT_QPA_PLATFORM=offscreen $(PY) scripts/demo.py --out demo-output

test-core: venv
	$(PY) -m pytest -p no:qgis -p no:cacheprovider tests/core $(PYTEST_ARGS)

package: venv qm
	@mkdir -p dist
	$(PY) scripts/package.py --output $(ZIP)

install: package
	$(PY) scripts/qgis_profile.py install $(ZIP)

uninstall:
	$(PY) scripts/qgis_profile.py uninstall

dev-link:
	$(PY) scripts/qgis_profile.py dev-link .

lint: venv
	$(PY) -m ruff check .
	$(PY) -m flake8 .
	$(PY) -m bandit -q -r plugin __init__.py

translations: deps
	pylupdate5 -noobsolete $$(find plugin -name '*.py' -not -path '*/__pycache__/*' | sort) __init__.py -ts $(TS)

clean:
	rm -rf dist build i18n/*.qm

.PHONY: screenshot
screenshot: venv qm
	$(PY) scripts/screenshot.py --output docs/screenshot.png
