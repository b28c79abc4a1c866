#!/usr/bin/env bash
# CI, second part: Briefbot as a user installs it, from pyproject.toml alone (no lock), in a fresh
# venv outside the checkout; every module must import and an HTML page must read.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"${PYTHON:-python3}" -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "$root"
cd "$work"  # so `bot` comes from the installed package, not the checkout
"$work/venv/bin/python" "$root/.ci/import_all.py"
