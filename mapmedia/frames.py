"""One frame of the map: the districts drawn once as matplotlib collections, recoloured per date.

:class:`FrameRenderer` builds the figure for a theatre and a frame size once (the districts'
paths, the borders, the legend, the credits); :meth:`FrameRenderer.show` then only sets each
district's colours, the hatched overlays' paths and the front line's segments from the
library's state at the date (:meth:`geo.Theatre.status_codes_at`,
:meth:`geo.Theatre.low_confidence_at`, :func:`geo.frontline.front_mask`), so a frame of a
10,000-district theatre costs one redraw, not a new plot.

The districts look as on the map (:mod:`mapui.palette`): the status colour at the map's fill
opacity over its land colour (paler on low confidence). So that the difference survives video
compression and reads in grey, contested districts also carry a bold diagonal hatch, districts
resting on a low-confidence change a dotted one, and approximate shapes a dotted outline.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.colors import to_rgba_array
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.patheffects import withStroke
from matplotlib.text import Text

from geo.dates import day_number
from geo.errors import OptionError
from geo.frontline import front_mask
from geo.layers import EvidenceLayer
from geo.statuses import STATUSES
from geo.theatre import Theatre
from mapmedia.layout import CREDIT_PX, DATE_PX, NAME_PX, TITLE_PX, Box, layout_for
from mapmedia.legend import draw_legend, legend_entries
from mapmedia.look import (
    CONTESTED_HATCH,
    DPI,
    HIGHLIGHT_COLOUR,
    INK,
    LOW_HATCH,
    LOW_HATCH_COLOUR,
    MUTED,
    PT_PER_PX,
)
from mapmedia.options import parse_size
from mapmedia.text import FONT_FAMILY, Captions, date_stamp, wrapped
from mapui.i18n import DIRECTIONS
from mapui.map_scripts import FRONTLINE_STYLE
from mapui.palette import CHANGED_OUTLINE, FILL_OPACITY, MAP_BACKGROUND, STATUS_STYLES, blend


def _paths(theatre: Theatre, x_scale: float) -> list[MplPath]:
    """Each district's shape as one compound matplotlib path (exteriors anticlockwise, holes
    clockwise, so matplotlib's non-zero fill leaves the holes open), longitude scaled by ``x_scale``."""
    shapes = shapely.orient_polygons(np.asarray(theatre.districts.geometry.to_numpy(), dtype=object))
    paths = []
    for shape in shapes:
        vertices, codes = [], []
        for polygon in shapely.get_parts(shape):
            for ring in (polygon.exterior, *polygon.interiors):
                xy = np.asarray(ring.coords)[:, :2]
                ring_codes = np.full(len(xy), MplPath.LINETO, dtype=np.uint8)
                ring_codes[0], ring_codes[-1] = MplPath.MOVETO, MplPath.CLOSEPOLY
                vertices.append(xy)
                codes.append(ring_codes)
        merged = np.concatenate(vertices) if vertices else np.zeros((0, 2))
        merged[:, 0] *= x_scale
        paths.append(MplPath(merged, np.concatenate(codes) if codes else None))
    return paths


def _border_segments(theatre: Theatre, x_scale: float) -> tuple[list[np.ndarray], np.ndarray]:
    """The borders as line segments, and for each segment the border (pair) it belongs to."""
    segments, owner = [], []
    for index, line in enumerate(theatre.borders.lines):
        for part in shapely.get_parts(line):
            if part.geom_type != "LineString" or part.is_empty:
                continue
            xy = np.asarray(part.coords)[:, :2].copy()
            xy[:, 0] *= x_scale
            segments.append(xy)
            owner.append(index)
    return segments, np.asarray(owner, dtype=np.int64)


class _Pieces:
    """Many paths as one vertex array, so that any subset becomes one compound path without a
    Python loop: Agg draws one path of 10,000 pieces far faster than 10,000 paths."""

    def __init__(self, paths: list[MplPath]):
        self.lengths = np.array([len(np.asarray(p.vertices)) for p in paths], dtype=np.int64)
        self.vertices = np.concatenate([p.vertices for p in paths]) if paths else np.zeros((0, 2))
        codes = [
            np.asarray(p.codes)
            if p.codes is not None
            else np.r_[MplPath.MOVETO, np.full(len(np.asarray(p.vertices)) - 1, MplPath.LINETO)]
            for p in paths
        ]
        self.codes = np.concatenate(codes).astype(np.uint8) if paths else np.zeros(0, dtype=np.uint8)

    def where(self, which: np.ndarray) -> MplPath:
        """The pieces flagged in ``which`` as one path."""
        keep = np.repeat(np.asarray(which, dtype=bool), self.lengths)
        return MplPath(self.vertices[keep], self.codes[keep])


@dataclass(frozen=True)
class _Dots:
    """An evidence layer's points on the map: their collection, every point's place and colour,
    and their days (None for an undated layer)."""

    collection: PathCollection
    offsets: np.ndarray
    colours: np.ndarray
    days: np.ndarray | None


def _points_layers(theatre: Theatre, wanted: Sequence[str]) -> list[EvidenceLayer]:
    """The theatre's points layers named in ``wanted``, in its order; an unknown one is an error."""
    known = {layer.id: layer for layer in theatre.layers if layer.meta.get("kind") == "points"}
    unknown = [layer_id for layer_id in wanted if layer_id not in known]
    if unknown:
        raise OptionError(
            f"layers were {unknown} but are expected to be among this theatre's points layers: "
            f"{', '.join(known) or 'none'}"
        )
    return [known[layer_id] for layer_id in known if layer_id in wanted]


class FrameRenderer:
    """A theatre's map at one frame size, ready to show any date.

    Parameters
    ----------
    theatre : Theatre
    size : str or (int, int)
        One of :data:`mapmedia.options.SIZES`, e.g. ``"1080x1080"``.
    lang : {"en", "ar"}
        Interface language of the title, legend, date stamp and district names.
    captions : Captions
        The credits and citation (:func:`mapmedia.text.captions`).
    district : str, optional
        A district to outline and name on every frame.
    compare_from : datetime.date, optional
        Outline (in the map's compare blue) every district whose status differs from this date.
    names : bool
        Write district names where they fit.
    layers : sequence of str
        Evidence layers (ids in ``theatre.layers``, points layers) drawn over the districts, in
        their categories' colours; a dated layer shows the points dated up to the frame's date.

    Raises
    ------
    UnknownDistrictError
        If ``district`` is not in the theatre.
    OptionError
        If ``size`` is not one offered, or a layer is not one of the theatre's points layers.
    """

    def __init__(
        self,
        theatre: Theatre,
        *,
        size: str | tuple[int, int],
        lang: str,
        captions: Captions,
        district: str | None = None,
        compare_from: dt.date | None = None,
        names: bool = True,
        layers: Sequence[str] = (),
    ):
        width, height = parse_size(size)
        self._layers = _points_layers(theatre, layers)
        self.theatre, self.lang, self.captions = theatre, lang, captions
        self.rtl = DIRECTIONS[lang] == "rtl"
        self.highlight = None if district is None else theatre.require_district(district)
        self.compare_from, self.names = compare_from, names
        self._from_codes = None if compare_from is None else theatre.status_codes_at(compare_from)

        self._credit_lines = self._credit_text(width, height)
        self.layout = layout_for(width, height, credit_lines=len(self._credit_lines))
        self.figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor="white")
        self.canvas = FigureCanvasAgg(self.figure)

        bounds = theatre.districts.total_bounds
        self._x_scale = math.cos(math.radians((bounds[1] + bounds[3]) / 2))
        self._paths = _paths(theatre, self._x_scale)
        self._districts = _Pieces(self._paths)
        self._face = np.stack(
            [
                to_rgba_array([blend(STATUS_STYLES[s]["fillColor"], FILL_OPACITY[k]) for s in STATUSES])
                for k in ("stated", "low")
            ],
            axis=1,
        )  # [status code, low] -> RGBA
        self._edge = to_rgba_array([STATUS_STYLES[s]["color"] for s in STATUSES])
        self._contested = STATUSES.index("contested")
        self.map_axes = self._map_axes(bounds)
        self._evidence = [self._points(layer) for layer in self._layers]
        self._draw_header()
        draw_legend(self.figure, self.layout, legend_entries(self.lang, self.compare_from), rtl=self.rtl)
        self._draw_credits()
        self._dynamic = [*self.map_axes.collections, *self._front_lines, *self.map_axes.texts, self.date_text]
        self._background = None  # the static pixels, taken on the first render

    # ---- built once --------------------------------------------------------
    def _credit_text(self, width: int, height: int) -> list[str]:
        """The credit, attribution and citation lines, wrapped to the credits' box."""
        box = layout_for(width, height, credit_lines=0)
        lines = []
        for text in (self.captions.credit, self.captions.attribution, self.captions.cite):
            lines += wrapped(text, width_px=box.credits.width, font_px=box.px(CREDIT_PX))
        return lines

    def _fig_box(self, box: Box) -> tuple[float, float, float, float]:
        layout = self.layout
        return (box.x / layout.width, box.y / layout.height, box.width / layout.width, box.height / layout.height)

    def _pt(self, px: float) -> float:
        return self.layout.px(px) * PT_PER_PX

    def _map_axes(self, bounds) -> Axes:
        layout = self.layout
        ax = self.figure.add_axes(self._fig_box(layout.map))
        ax.set_axis_off()
        ax.set_facecolor(MAP_BACKGROUND)
        ax.patch.set_visible(True)
        x0, y0, x1, y1 = bounds[0] * self._x_scale, bounds[1], bounds[2] * self._x_scale, bounds[3]
        pad = 0.03 * max(x1 - x0, y1 - y0)
        x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
        box_ratio = layout.map.width / layout.map.height
        if (x1 - x0) / (y1 - y0) < box_ratio:  # widen the view to the box's shape (equal scales)
            grow = ((y1 - y0) * box_ratio - (x1 - x0)) / 2
            x0, x1 = x0 - grow, x1 + grow
        else:
            grow = ((x1 - x0) / box_ratio - (y1 - y0)) / 2
            y0, y1 = y0 - grow, y1 + grow
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.add_patch(
            Rectangle((0, 0), 1, 1, transform=ax.transAxes, facecolor=MAP_BACKGROUND, edgecolor="none", zorder=0)
        )
        thin = self._pt(1.0)
        # one compound path per look (status and confidence), rebuilt per date from the shapes
        self.fills = PathCollection([], linewidths=thin, zorder=1, antialiaseds=True)
        ax.add_collection(self.fills)
        self.contested_hatch = self._overlay(CONTESTED_HATCH, STATUS_STYLES["contested"]["color"], zorder=2)
        self.low_hatch = self._overlay(LOW_HATCH, LOW_HATCH_COLOUR, zorder=2)
        ax.add_collection(self.contested_hatch)
        ax.add_collection(self.low_hatch)

        approximate = np.flatnonzero(self.theatre.districts["geometry_source"].to_numpy() == "approximate")
        if len(approximate):
            ax.add_collection(
                PathCollection(
                    [self._paths[i] for i in approximate],
                    facecolors="none",
                    edgecolors=INK,
                    linewidths=self._pt(2.5),
                    linestyles=[(0, (0.6, 2.2))],
                    capstyle="round",
                    zorder=3,
                )
            )
        segments, self._segment_border = _border_segments(self.theatre, self._x_scale)
        self._segments = _Pieces([MplPath(xy) for xy in segments])
        width = self._pt(cast(float, FRONTLINE_STYLE["weight"]))
        self._front_lines = [
            PathPatch(
                MplPath(np.zeros((0, 2))),
                fill=False,
                edgecolor=colour,
                linewidth=weight,
                capstyle="round",
                joinstyle="round",
                zorder=zorder,
            )
            for colour, weight, zorder in (("white", width * 2.2, 4), (FRONTLINE_STYLE["color"], width, 5))
        ]
        for line in self._front_lines:
            ax.add_patch(line)
        self.changed = PathCollection(
            [], facecolors="none", edgecolors=CHANGED_OUTLINE, linewidths=self._pt(3.5), zorder=6
        )
        ax.add_collection(self.changed)
        if self.highlight is not None:
            path = [self._paths[self.highlight]]
            for colour, weight in (("white", 8.0), (HIGHLIGHT_COLOUR, 4.0)):
                ax.add_collection(
                    PathCollection(path, facecolors="none", edgecolors=colour, linewidths=self._pt(weight), zorder=7)
                )
        if self.names:
            self._draw_names(ax)
        return ax

    def _overlay(self, hatch: str, colour: str, *, zorder: int) -> PathCollection:
        overlay = PathCollection([], facecolors="none", edgecolors="none", linewidths=0, hatch=hatch, zorder=zorder)
        overlay.set_hatchcolor(colour)
        overlay.set_hatch_linewidth(self._pt(2.0))
        return overlay

    def _draw_names(self, ax: Axes) -> None:
        """District names where they fit inside the shape (and the highlighted district's always)."""
        font_px = self.layout.px(NAME_PX)
        names = self.theatre.districts["name_ar" if self.rtl else "name_en"].fillna("").to_numpy(dtype=object)
        fallback = self.theatre.districts["name_en"].to_numpy(dtype=object)
        points = shapely.point_on_surface(self.theatre.districts.geometry.to_numpy())
        to_px = ax.transData
        halo = [withStroke(linewidth=self._pt(3), foreground="white")]
        for i, path in enumerate(self._paths):
            name = str(names[i] or fallback[i])
            corners = to_px.transform(path.get_extents().get_points())
            width_px, height_px = corners[1] - corners[0]
            fits = width_px > len(name) * font_px * 0.6 and height_px > font_px * 2.2
            if not (fits or i == self.highlight) or not name:
                continue
            ax.text(
                points[i].x * self._x_scale,
                points[i].y,
                name,
                fontsize=self._pt(NAME_PX * (1.25 if i == self.highlight else 1)),
                fontweight="bold" if i == self.highlight else "normal",
                family=FONT_FAMILY,
                ha="center",
                va="center",
                color=INK,
                path_effects=halo,
                zorder=8,
                clip_on=True,
            )

    def _text(self, x: float, y: float, text: str, *, size_px: float, **style) -> Text:
        layout = self.layout
        return self.figure.text(
            x / layout.width,
            y / layout.height,
            text,
            fontsize=self._pt(size_px),
            family=FONT_FAMILY,
            ha="right" if self.rtl else "left",
            **style,
        )

    def _start_x(self, box: Box) -> float:
        return box.right if self.rtl else box.x

    def _draw_header(self) -> None:
        box = self.layout.header
        x = self._start_x(box)
        self._text(x, box.top, self.captions.title, size_px=TITLE_PX, va="top", color=INK, fontweight="bold")
        self.date_text = self._text(
            x, box.top - self.layout.px(TITLE_PX + 18), "", size_px=DATE_PX, va="top", color=INK, fontweight="bold"
        )

    def _draw_credits(self) -> None:
        box = self.layout.credits
        x = self._start_x(box)
        line_h = self.layout.px(CREDIT_PX * 1.35)
        for index, line in enumerate(self._credit_lines):
            self._text(x, box.top - index * line_h, line, size_px=CREDIT_PX, va="top", color=MUTED)

    # ---- per date ------------------------------------------------------------
    def show(self, day: dt.date) -> None:
        """Set every district's look, the front line and the date stamp to ``day``."""
        theatre = self.theatre
        codes = theatre.status_codes_at(day).astype(np.int64)
        low = theatre.low_confidence_at(day)
        looks = codes * 2 + low.astype(np.int64)
        shown = np.unique(looks)
        self.fills.set_paths([self._districts.where(looks == look) for look in shown])
        self.fills.set_facecolor(self._face[shown // 2, shown % 2])  # type: ignore[arg-type]
        self.fills.set_edgecolor(self._edge[shown // 2])  # type: ignore[arg-type]
        self.contested_hatch.set_paths(self._merged(codes == self._contested))
        self.low_hatch.set_paths(self._merged(low))
        pairs = theatre.borders.pairs
        on = front_mask(codes, pairs)[self._segment_border] if len(self._segment_border) else np.zeros(0, dtype=bool)
        front = self._segments.where(on)
        for line in self._front_lines:
            line.set_path(front)
        if self._from_codes is not None:
            self.changed.set_paths([self._paths[i] for i in np.flatnonzero(codes != self._from_codes)])
        self.date_text.set_text(date_stamp(day, self.lang))
        for dots in self._evidence:  # a dated layer's points up to the day (its points are sorted by day)
            if dots.days is not None:
                until = int(np.searchsorted(dots.days, day_number(day), side="right"))
                dots.collection.set_offsets(dots.offsets[:until])
                dots.collection.set_facecolor(dots.colours[:until])  # type: ignore[arg-type]

    def _points(self, layer: EvidenceLayer) -> _Dots:
        """The layer's points, drawn over the districts and under the front line."""
        palette = [c["color"] for c in layer.categories] or ["#555555"]
        points = layer.points
        offsets = np.column_stack([points["lon"].to_numpy() * self._x_scale, points["lat"].to_numpy()])
        colours = to_rgba_array([palette[i] for i in np.clip(points["category"].to_numpy(), 0, len(palette) - 1)])
        dots = self.map_axes.scatter(
            offsets[:, 0],
            offsets[:, 1],
            s=self._pt(5) ** 2,
            c=colours,
            edgecolors="white",
            linewidths=self._pt(0.8),
            zorder=4,
        )
        days = points["day"].to_numpy() if layer.dated else None
        return _Dots(dots, offsets, colours, days)

    def _merged(self, which: np.ndarray) -> list[MplPath]:
        """The flagged districts as one compound path: a hatch costs Agg about a millisecond
        per path drawn, whatever its size, so thousands are drawn as one."""
        return [self._districts.where(which)] if np.any(which) else []

    def render(self, day: dt.date) -> np.ndarray:
        """The frame of ``day`` as an (height, width, 3) array of 8-bit RGB.

        The title, legend and credits are drawn once and kept as pixels; each frame restores
        them and draws only what a date changes (blitting)."""
        if self._background is None:
            for artist in self._dynamic:
                artist.set_animated(True)
            self.canvas.draw()
            self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self.show(day)
        self.canvas.restore_region(self._background)
        for artist in sorted(self._dynamic, key=lambda a: a.get_zorder()):
            self.figure.draw_artist(artist)
        return np.asarray(self.canvas.buffer_rgba())[:, :, :3].copy()

    def save(self, day: dt.date, out, *, kind: str, metadata: dict) -> None:
        """Write the frame of ``day`` as a vector (``svg``) or raster (``png``) image."""
        for artist in self._dynamic:
            artist.set_animated(False)
        self.show(day)
        self.figure.savefig(out, format=kind, dpi=DPI, metadata=metadata)

    def district_pixel(self, district_id: str) -> tuple[int, int]:
        """Where a point inside a district lands on the frame: (column, row) from the top left.

        Raises
        ------
        UnknownDistrictError
            If ``district_id`` is not in the theatre.
        """
        position = self.theatre.require_district(district_id)
        # the centre of the largest circle inside it: as far from its borders (and the front line) as can be
        point = shapely.maximum_inscribed_circle(self.theatre.districts.geometry.iloc[position]).coords[0]
        x, y = self.map_axes.transData.transform((point[0] * self._x_scale, point[1]))
        return round(x), round(self.layout.height - y)

    def close(self) -> None:
        """Let go of the figure (matplotlib keeps nothing else)."""
        self.figure.clear()
