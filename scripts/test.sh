#!/usr/bin/env bash
# Install what the tests need (Chromium and npm from the system packages, Python packages
# into .venv) and run the whole suite. Browser tests never skip when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
source scripts/venv.sh requirements-dev.txt
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
exec python -m pytest -q "$@"
