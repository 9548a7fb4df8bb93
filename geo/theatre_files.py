"""Reading a theatre folder's files, and only those: a path that resolves outside the folder (a
symbolic link to a system file), anything that is not a regular file (a folder, a device, a link
loop) and a file larger than :data:`MAX_FILE_BYTES` are refused with one readable reason, and no
read is unbounded."""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: The largest file a theatre may hold (a million changes' changes.csv is about a tenth of this).
MAX_FILE_BYTES = 512 * 2**20


class RefusedFile(OSError):
    """A theatre file that may not be read; its message says why."""


def _resolved(folder: Path, path: Path) -> Path:
    try:
        resolved, root = path.resolve(strict=True), folder.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symbolic link loop, before Python 3.13
        raise RefusedFile(f"could not be opened ({getattr(exc, 'strerror', None) or 'a symbolic link loop'})") from exc
    if not resolved.is_relative_to(root):
        raise RefusedFile("resolves to a file outside the theatre folder (a symbolic link?), which is not read")
    return resolved


def read_bytes(folder: Path, path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path``, one of ``folder``'s files; :class:`RefusedFile` says why not."""
    resolved = _resolved(folder, path)
    try:
        if not stat.S_ISREG(os.stat(resolved).st_mode):  # before opening: a named pipe would block
            raise RefusedFile("is not a regular file (a folder or a device?), which is not read")
        with open(resolved, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not stat.S_ISREG(status.st_mode):
                raise RefusedFile("is not a regular file (a folder or a device?), which is not read")
            data = handle.read(limit + 1)
    except RefusedFile:
        raise
    except OSError as exc:
        raise RefusedFile(f"could not be read ({exc.strerror})") from exc
    if len(data) > limit:
        size = f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit:,} bytes"
        raise RefusedFile(f"is larger than {size}, the most a theatre's file may hold")
    return data


def exists(path: Path) -> bool:
    """Whether anything stands at ``path`` (a broken symbolic link too: it is reported, not missing)."""
    return os.path.lexists(path)
