#!/usr/bin/env bash
# Install what the tests need (Chromium, Node.js/npm and nginx from the system packages, Python packages
# and the project into .venv), check lint, formatting, types and the import layers, and run the whole suite.
# Browser tests never skip when CI=true. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
command -v node >/dev/null || missing+=(nodejs)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)  # the replicas-behind-nginx test
source scripts/venv.sh requirements-dev.txt
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
echo "ruff check, ruff format --check, mypy, lint-imports"
# The type checker's cache outside the clone: a fresh checkout on the same machine checks only what changed.
export MYPY_CACHE_DIR="${MYPY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aleppo-frontlines/mypy}"
ruff check --quiet .
ruff format --check --quiet .
mypy
lint-imports --no-cache >/dev/null || lint-imports --no-cache  # quiet when the layers hold, the report when not
echo "tsc --checkJs, eslint (the browser scripts; TypeScript and eslint pinned in package-lock.json)"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
npx --no-install tsc --project tsconfig.json
npx --no-install eslint .
# Two processes, each test module in one of them (each browser module starts its own server and Chromium).
exec python -m pytest -q -n 2 --dist loadfile "$@"
