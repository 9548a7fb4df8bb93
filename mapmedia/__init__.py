"""Time-lapse videos and still images of a theatre's front lines, drawn with matplotlib (no browser).

``frontlines timelapse`` and ``frontlines still`` (:mod:`mapmedia.cli`) sit on
:func:`mapmedia.timelapse.write_timelapse` and :func:`mapmedia.still.write_still`. The
districts are drawn once as matplotlib collections and recoloured per frame
(:class:`mapmedia.frames.FrameRenderer`), with the map's palette (:mod:`mapui.palette`) and the
library's state at a date (:meth:`geo.Theatre.status_codes_at`).
"""

from mapmedia.options import SIZES, STEPS, parse_size
from mapmedia.still import write_still
from mapmedia.timelapse import write_timelapse

__all__ = ["SIZES", "STEPS", "parse_size", "write_still", "write_timelapse"]
