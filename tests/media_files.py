"""Reading the videos the tests write."""

from __future__ import annotations

import gc
import warnings
from pathlib import Path

import imageio_ffmpeg
import numpy as np


def video_frames(path: Path) -> list[np.ndarray]:
    """Every frame of a video as (height, width, 3) arrays, read once from the start.

    imageio-ffmpeg (0.8) leaves its ffmpeg process's pipes for the garbage collector to close, a
    ResourceWarning that the suite's warnings-as-errors turned into a failure of whichever test ran
    when the collector did: the reader is released here, its warning ignored, before returning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        frames = imageio_ffmpeg.read_frames(str(path))
        try:
            width, height = next(frames)["size"]
            read = [np.frombuffer(frame, dtype=np.uint8).reshape(height, width, 3).copy() for frame in frames]
        finally:
            frames.close()
        del frames
        gc.collect()
    return read
