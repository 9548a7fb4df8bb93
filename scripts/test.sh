#!/usr/bin/env bash
# Install what the tests need (Chromium, npm and nginx from the system packages, Python packages
# into .venv) and run the whole suite. Browser tests never skip when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)  # the replicas-behind-nginx test
source scripts/venv.sh requirements-dev.txt
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
exec python -m pytest -q "$@"
