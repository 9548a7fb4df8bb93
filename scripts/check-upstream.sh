#!/usr/bin/env bash
# Would the newest Streamlit, streamlit-folium, folium and branca break the project? Installs the
# locked dependencies and then the newest releases of those four into a scratch environment, and
# runs the contract tests of components/upstream.py (each failure names the version it was written
# for) and the map's frame test. Nothing in .venv or the lock files changes.
#   bash scripts/check-upstream.sh [SCRATCH_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
scratch=${1:-$(mktemp -d -t frontlines-upstream.XXXXXX)}
"$PYTHON" -m venv "$scratch"
"$scratch/bin/python" -m pip install -q --disable-pip-version-check --require-hashes -r requirements-dev.txt
"$scratch/bin/python" -m pip install -q --disable-pip-version-check --upgrade streamlit streamlit-folium folium branca
"$scratch/bin/python" -m pip install -q --disable-pip-version-check --no-deps -e .
"$scratch/bin/python" -m pip list --disable-pip-version-check 2>/dev/null | grep -iE '^(streamlit|streamlit-folium|folium|branca) '
exec "$scratch/bin/python" -m pytest -q -n 0 -p no:cacheprovider tests/test_upstream.py tests/test_map_frame.py
