#!/usr/bin/env bash
# Pin pyproject.toml's dependency ranges, with hashes, into the two lock files every install reads:
# requirements-dev.txt (the app, the tests and the checks) and requirements.txt (the app alone, which
# Streamlit Community Cloud reads), the latter with the same versions as the former.
# Run it after editing [project] dependencies or the dev extra; --upgrade takes the newest versions.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh requirements-dev.txt
compile() {
  pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
    --no-emit-find-links --no-emit-trusted-host --newline LF "$@" pyproject.toml
}
export CUSTOM_COMPILE_COMMAND="bash scripts/lock.sh"
compile --extra dev --output-file requirements-dev.txt "$@"
# The app's lock starts from the dev lock's pins, so a package has the same version in both.
cp requirements-dev.txt requirements.txt
compile --output-file requirements.txt
