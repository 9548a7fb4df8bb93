"""How a frame looks beyond the map's palette (:mod:`mapui.palette`): resolution, hatches, ink."""

from __future__ import annotations

DPI = 100
PT_PER_PX = 72 / DPI
#: The hatches (matplotlib patterns) of contested districts and of low-confidence ones.
CONTESTED_HATCH = "//"
LOW_HATCH = ".."
LOW_HATCH_COLOUR = "#3a3a3a"
HIGHLIGHT_COLOUR = "#111111"
INK = "#1a1a1a"
MUTED = "#444444"
