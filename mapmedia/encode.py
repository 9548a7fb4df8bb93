"""Frames to a file: MP4 and WebM through imageio's ffmpeg plugin (the ffmpeg binary ships in the
imageio-ffmpeg wheel), GIF through Pillow, streamed so that a long record never sits in memory.

GIFs are made small the usual two ways: one palette for the whole clip (taken from the first
frame, whose legend already shows every status colour; no dithering, so flat fills stay flat),
and frame differencing (each frame after the first stores only the rectangle that changed and
holds for as long as its date is held, instead of repeating identical frames).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import imageio.v2 as imageio
import numpy as np
from PIL import GifImagePlugin, Image

#: ffmpeg's settings per container: H.264 in MP4 (plays everywhere, social sites included),
#: VP9 in WebM.
VIDEO_CODECS = {".mp4": "libx264", ".webm": "libvpx-vp9"}
#: imageio's quality scale (0-10) for the video encoders: 7 keeps the hatching and the date crisp.
VIDEO_QUALITY = 7
#: Frame sides must be multiples of this for the encoders (1080 and 1920 are).
MACRO_BLOCK = 8


def write_video(frames: Iterable[tuple[np.ndarray, int]], out: Path, *, fps: int) -> int:
    """Encode ``frames`` ((RGB array, frames to hold it)) into an MP4 or WebM file; returns the
    number of video frames written."""
    written = 0
    writer = imageio.get_writer(
        out,
        format="FFMPEG",
        mode="I",
        fps=fps,
        codec=VIDEO_CODECS[out.suffix.lower()],
        quality=VIDEO_QUALITY,
        pixelformat="yuv420p",
        macro_block_size=MACRO_BLOCK,
        ffmpeg_log_level="error",
    )
    try:
        for image, hold in frames:
            for _ in range(hold):
                writer.append_data(image)
                written += 1
    finally:
        writer.close()
    return written


def write_gif(frames: Iterable[tuple[np.ndarray, int]], out: Path, *, fps: int) -> int:
    """Write ``frames`` ((RGB array, frames to hold it)) as a looping GIF; returns the number of
    GIF frames (each held for its own duration)."""
    palette: Image.Image | None = None
    previous: np.ndarray | None = None
    pending: tuple[Image.Image, tuple[int, int], int] | None = None
    count = 0
    with open(out, "wb") as handle:
        for image, hold in frames:
            frame = Image.fromarray(image)
            if palette is None:
                palette = frame.quantize(colors=255, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
                indexed = palette
                handle.write(b"".join(GifImagePlugin.getheader(indexed, info={"loop": 0})[0]))
                pending = (indexed, (0, 0), hold)
                previous = image
                count += 1
                continue
            assert pending is not None and previous is not None
            box = _changed_box(previous, image)
            if box is None:
                pending = (pending[0], pending[1], pending[2] + hold)
                continue
            _write_frame(handle, *pending, fps=fps)
            left, top, _, _ = box
            indexed = frame.crop(box).quantize(palette=palette, dither=Image.Dither.NONE)
            pending, previous = (indexed, (left, top), hold), image
            count += 1
        if pending is not None:
            _write_frame(handle, *pending, fps=fps)
        handle.write(b";")
    return count


def _changed_box(before: np.ndarray, after: np.ndarray) -> tuple[int, int, int, int] | None:
    """The rectangle (left, top, right, bottom) holding every pixel that differs, or None."""
    differs = np.any(before != after, axis=2)
    rows, columns = np.flatnonzero(differs.any(axis=1)), np.flatnonzero(differs.any(axis=0))
    if not len(rows):
        return None
    return int(columns[0]), int(rows[0]), int(columns[-1]) + 1, int(rows[-1]) + 1


def _write_frame(handle: BinaryIO, image: Image.Image, offset: tuple[int, int], hold: int, *, fps: int) -> None:
    duration = round(1000 * hold / fps)
    # disposal 1: leave the frame in place, so the next one only paints what changed
    for chunk in GifImagePlugin.getdata(image, offset, duration=duration, disposal=1):
        handle.write(chunk)
