#!/usr/bin/env bash
# Install the dashboard into .venv and start it on the shipped Aleppo data.
# Extra arguments go to the dashboard, e.g. scripts/start.sh --data data/other-city
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh requirements.txt
# Every rerun runs in a new thread; glibc's default of one memory arena per thread (up to 8 per
# core) keeps freed memory from going back after readers leave (bench/load.py measures it).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# serve.py: `streamlit run dashboard.py` with the imports and the theatre prepared before the first reader.
exec python -m serve -- "$@"
