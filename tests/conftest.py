from pathlib import Path

import pytest

from synthetic import write_theatre


@pytest.fixture
def theatre_dir(tmp_path: Path) -> Path:
    return write_theatre(tmp_path / "testville")
