import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from synthetic import write_theatre  # noqa: E402


@pytest.fixture
def theatre_dir(tmp_path: Path) -> Path:
    return write_theatre(tmp_path / "testville")
