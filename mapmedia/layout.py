"""Where the map, the title, the date stamp, the legend and the credits sit on a frame.

Square and vertical frames put the title and date above the map and the legend and credits
below it; landscape frames put the map on the left and the text in a column on the right.
Everything is measured in pixels and scaled with the frame's shorter side, so the date stamp
reads the same on a phone whichever size is chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The frame size the type sizes below are set for.
REFERENCE_PX = 1080
#: Type sizes in pixels at :data:`REFERENCE_PX` (a 1080-pixel frame on a 390-pixel phone screen
#: shows the date stamp about 22 pixels high).
TITLE_PX = 40
DATE_PX = 60
LEGEND_PX = 22
CREDIT_PX = 15
NAME_PX = 14
MARGIN_PX = 28


@dataclass(frozen=True)
class Box:
    """A rectangle in pixels, from the frame's bottom-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass(frozen=True)
class Layout:
    """The boxes of one frame size and the scale of its type."""

    width: int
    height: int
    scale: float
    header: Box
    map: Box
    legend: Box
    credits: Box
    legend_columns: int

    def px(self, size: float) -> float:
        """A size given at :data:`REFERENCE_PX`, in this frame's pixels."""
        return size * self.scale


def layout_for(width: int, height: int, *, credit_lines: int) -> Layout:
    """The layout of a ``width`` x ``height`` frame whose credits take ``credit_lines`` lines."""
    scale = min(width, height) / REFERENCE_PX
    margin = MARGIN_PX * scale
    header_h = (TITLE_PX + DATE_PX + 34) * scale
    credits_h = credit_lines * CREDIT_PX * 1.35 * scale + margin / 2
    if width > height * 1.3:
        columns = 2
        legend_h = (9 / columns + 1) * LEGEND_PX * 1.6 * scale
        side = float(height)
        panel_x = side + margin
        panel_w = width - side - 2 * margin
        return Layout(
            width,
            height,
            scale,
            header=Box(panel_x, height - margin - header_h, panel_w, header_h),
            map=Box(0, 0, side, side),
            legend=Box(panel_x, margin + credits_h + margin, panel_w, legend_h),
            credits=Box(panel_x, margin, panel_w, credits_h),
            legend_columns=columns,
        )
    columns = 3
    legend_h = (9 / columns + 0.6) * LEGEND_PX * 1.6 * scale
    credits = Box(margin, margin / 2, width - 2 * margin, credits_h)
    legend = Box(margin, credits.top + margin / 3, width - 2 * margin, legend_h)
    header = Box(margin, height - margin / 2 - header_h, width - 2 * margin, header_h)
    map_box = Box(0, legend.top + margin / 3, width, header.y - legend.top - margin / 3)
    return Layout(width, height, scale, header, map_box, legend, credits, columns)
