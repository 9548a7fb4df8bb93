"""serve.py's warm start around bench/profiled_dashboard.py, for bench/cold.py's profiled first run.

    FRONTLINES_PROFILE=FILE python -m bench.profiled_serve [streamlit options] -- --data DIR

(from the repository's root). Not part of the product.
"""

from __future__ import annotations

import sys
from pathlib import Path

import serve

if __name__ == "__main__":
    serve.main(sys.argv[1:], script=Path(__file__).with_name("profiled_dashboard.py"))
