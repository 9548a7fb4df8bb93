"""Reading a theatre's JSON files: any bytes give a value or one reported problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from geo import theatre_files
from geo.errors import MISSING_FILE, Problem
from geo.text_rules import odd_text_in


def read_json(path: Path, file: str, problems: list[Problem], *, folder: Path | None = None) -> tuple[bool, Any]:
    """``(True, value)`` for a readable JSON file inside the theatre ``folder`` (default: the
    file's own); ``(False, None)`` with the problem reported otherwise."""
    if not theatre_files.exists(path):
        problems.append(Problem(file, "", MISSING_FILE))
        return False, None
    try:
        value = json.loads(theatre_files.read_bytes(folder or path.parent, path).decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(file, "", f"is not UTF-8 text (byte {exc.object[exc.start]:#04x} at position {exc.start:,})")
        )
    except json.JSONDecodeError as exc:
        problems.append(Problem(file, "", f"is not valid JSON ({exc})"))
    except RecursionError:
        problems.append(Problem(file, "", "nests arrays or objects too deeply to be read (is it a GeoJSON file?)"))
    except theatre_files.RefusedFile as exc:
        problems.append(Problem(file, "", str(exc)))
    else:
        odd = odd_text_in(value)
        if odd is None:
            return True, value
        where, why = odd
        problems.append(Problem(file, f"at {where}", why))
    return False, None
