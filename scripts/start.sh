#!/usr/bin/env bash
# Install the dashboard into .venv and start it on the shipped Aleppo data.
#   scripts/start.sh                     # on port 8501 (or $PORT)
#   scripts/start.sh --port 8600         # or PORT=8600 scripts/start.sh
# Other arguments go to the dashboard, e.g. scripts/start.sh --data data/other-city
# START_DRY_RUN=1 prints the address and the command and stops there (nothing installed).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8501}
dashboard_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --port) [ $# -ge 2 ] || { echo "start.sh: --port needs a number, e.g. --port 8600" >&2; exit 2; }; port=$2; shift 2 ;;
    --port=*) port=${1#--port=}; shift ;;
    *) dashboard_args+=("$1"); shift ;;
  esac
done
if ! [[ "$port" =~ ^[0-9]{1,5}$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  echo "start.sh: the port was '$port' but is expected to be a whole number from 1 to 65535" >&2
  exit 2
fi
command=(python -m serve --server.port "$port" -- "${dashboard_args[@]}")
echo "Aleppo Frontlines will be served at http://localhost:$port/"
if [ -n "${START_DRY_RUN:-}" ]; then
  echo "${command[*]}"
  exit 0
fi
source scripts/venv.sh requirements.txt
# Every rerun runs in a new thread; glibc's default of one memory arena per thread (up to 8 per
# core) keeps freed memory from going back after readers leave (bench/load.py measures it).
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
# serve.py: `streamlit run dashboard.py` with the imports and the theatre prepared before the first reader.
exec "${command[@]}"
