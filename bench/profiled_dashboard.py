"""The dashboard with its first script run in this process profiled, for bench/cold.py.

``FRONTLINES_PROFILE=FILE streamlit run bench/profiled_dashboard.py -- --data DIR`` runs
dashboard.py as usual; the process's first run (its imports, loading the theatre, the page)
is profiled with cProfile and its statistics written to FILE (pstats format). Later runs
are not profiled. Streamlit serves bench/static/ for this script, not the dashboard's static/: the
page's map stays empty, so only the server's side of the run is worth reading. Not part of the product.
"""

from __future__ import annotations

import cProfile
import os
import runpy
import time
from pathlib import Path

DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard.py"
OUT = os.environ.get("FRONTLINES_PROFILE")

if OUT and not Path(OUT).exists():
    Path(OUT).touch()  # claimed: a second session's run is not profiled
    profile = cProfile.Profile()
    start = time.time()
    profile.enable()
    try:
        runpy.run_path(str(DASHBOARD), run_name="__main__")
    finally:
        profile.disable()
        profile.dump_stats(OUT)
        Path(OUT + ".times").write_text(f"{start} {time.time()}\n")
else:
    runpy.run_path(str(DASHBOARD), run_name="__main__")
