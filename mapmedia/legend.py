"""The legend under (or beside) the map: every status's swatch, the hatches, the front line."""

from __future__ import annotations

import datetime as dt
import math

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from geo.statuses import STATUSES
from mapmedia.layout import LEGEND_PX, Layout
from mapmedia.look import CONTESTED_HATCH, INK, LOW_HATCH, LOW_HATCH_COLOUR, PT_PER_PX
from mapmedia.text import FONT_FAMILY, GLYPH_WIDTH
from mapui.i18n import date_text, t
from mapui.map_scripts import FRONTLINE_STYLE
from mapui.palette import CHANGED_OUTLINE, MAP_BACKGROUND, STATUS_STYLES

#: One entry: a swatch's matplotlib patch style (or ``{"line": colour}``) and its label.
Entry = tuple[dict, str]


def legend_entries(lang: str, compare_from: dt.date | None = None) -> list[Entry]:
    """The legend's entries in ``lang``; with ``compare_from``, the compare outline's too."""
    entries = []
    for status in STATUSES:
        style = STATUS_STYLES[status]
        swatch = {"facecolor": style["legendFill"], "edgecolor": style["color"]}
        if status == "contested":
            swatch |= {"hatch": CONTESTED_HATCH, "hatchcolor": style["color"]}
        entries.append((swatch, t(f"status.{status}", lang)))
    entries.append(
        (
            {"facecolor": STATUS_STYLES["opposition"]["legendPaleFill"], "hatch": LOW_HATCH,
             "hatchcolor": LOW_HATCH_COLOUR, "edgecolor": STATUS_STYLES["opposition"]["color"]},
            t("media.low_confidence", lang),
        )
    )  # fmt: skip
    entries.append(
        ({"facecolor": MAP_BACKGROUND, "edgecolor": INK, "linestyle": (0, (0.6, 2.2)), "linewidth": 2.5},
         t("map_legend.approximate", lang))
    )  # fmt: skip
    entries.append(({"line": FRONTLINE_STYLE["color"]}, t("map_legend.frontline", lang)))
    if compare_from is not None:
        entries.append(
            ({"facecolor": "none", "edgecolor": CHANGED_OUTLINE, "linewidth": 3.5},
             t("legend.changed", lang, date=date_text(compare_from, lang))))  # fmt: skip
    return entries


def draw_legend(figure: Figure, layout: Layout, entries: list[Entry], *, rtl: bool) -> None:
    """Draw ``entries`` in columns in the layout's legend box (right to left when ``rtl``)."""

    def pt(px: float) -> float:
        return layout.px(px) * PT_PER_PX

    box = layout.legend
    columns = layout.legend_columns
    rows = math.ceil(len(entries) / columns)
    row_h = min(layout.px(LEGEND_PX * 1.6), box.height / rows)
    swatch, gap = layout.px(LEGEND_PX * 1.1), layout.px(10)
    font_px = layout.px(LEGEND_PX * 0.82)
    longest = [max(len(label) for _, label in entries[c * rows : (c + 1) * rows]) for c in range(columns)]
    # each column as wide as its longest label; the type shrinks if they do not fit side by side
    room = box.width - columns * (swatch + 2 * gap)
    font_px = min(font_px, room / (sum(longest) * GLYPH_WIDTH))
    widths = [swatch + 2 * gap + n * font_px * GLYPH_WIDTH for n in longest]
    spare = (box.width - sum(widths)) / max(1, columns - 1) if columns > 1 else 0
    lefts = [sum(widths[:c]) + c * spare for c in range(columns)]
    ax = figure.add_axes(
        (box.x / layout.width, box.y / layout.height, box.width / layout.width, box.height / layout.height)
    )
    ax.set_axis_off()
    ax.set_xlim(0, box.width)
    ax.set_ylim(0, box.height)
    for index, (style, label) in enumerate(entries):
        column, row = index // rows, index % rows
        y = box.height - (row + 1) * row_h + (row_h - swatch) / 2
        sx = box.width - lefts[column] - swatch if rtl else lefts[column]
        if "line" in style:
            ax.plot([sx, sx + swatch], [y + swatch / 2] * 2, color="white", linewidth=pt(6.6))
            ax.plot([sx, sx + swatch], [y + swatch / 2] * 2, color=style["line"], linewidth=pt(3))
        else:
            style = dict(style)
            hatch_colour = style.pop("hatchcolor", None)
            width = style.pop("linewidth", 1.0)
            patch = Rectangle((sx, y), swatch, swatch, linewidth=pt(width), **style)
            if hatch_colour:
                patch.set_hatchcolor(hatch_colour)
                patch.set_hatch_linewidth(pt(2.0))
            ax.add_patch(patch)
        tx = sx - gap if rtl else sx + swatch + gap
        ax.text(
            tx,
            y + swatch / 2,
            label,
            fontsize=font_px * PT_PER_PX,
            family=FONT_FAMILY,
            ha="right" if rtl else "left",
            va="center",
            color=INK,
            clip_on=False,
        )
