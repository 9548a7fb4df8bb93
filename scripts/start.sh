#!/usr/bin/env bash
# Install the dashboard into .venv and start it on the shipped Aleppo data.
# Extra arguments go to the dashboard, e.g. scripts/start.sh --data data/other-city
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh requirements.txt
exec python -m streamlit run dashboard.py -- "$@"
