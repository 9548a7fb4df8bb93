"""A theatre's files are read only where they are the folder's own regular files, and boundedly."""

from __future__ import annotations

import os

import pytest

from geo import theatre_files
from geo.theatre_files import RefusedFile, read_bytes
from geo.version import data_digest


def test_a_file_of_the_folder_is_read(tmp_path):
    (tmp_path / "changes.csv").write_bytes(b"date\n")
    assert read_bytes(tmp_path, tmp_path / "changes.csv") == b"date\n"


def test_a_file_larger_than_the_limit_is_refused_and_read_no_further(tmp_path):
    (tmp_path / "changes.csv").write_bytes(b"x" * 100)
    with pytest.raises(RefusedFile, match=r"^is larger than 99 bytes, the most a theatre's file may hold$"):
        read_bytes(tmp_path, tmp_path / "changes.csv", limit=99)
    assert read_bytes(tmp_path, tmp_path / "changes.csv", limit=100) == b"x" * 100
    assert theatre_files.MAX_FILE_BYTES == 512 * 2**20


def test_the_default_limit_is_named_in_megabytes(tmp_path, monkeypatch):
    (tmp_path / "big.csv").write_bytes(b"x" * (2**20 + 1))
    with pytest.raises(RefusedFile, match=r"^is larger than 1 MB"):
        read_bytes(tmp_path, tmp_path / "big.csv", limit=2**20)


def test_a_link_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0\n")
    folder = tmp_path / "theatre"
    folder.mkdir()
    (folder / "changes.csv").symlink_to(outside)
    with pytest.raises(RefusedFile, match="outside the theatre folder"):
        read_bytes(folder, folder / "changes.csv")


def test_a_link_inside_the_folder_is_read(tmp_path):
    (tmp_path / "real.csv").write_bytes(b"date\n")
    (tmp_path / "changes.csv").symlink_to(tmp_path / "real.csv")
    assert read_bytes(tmp_path, tmp_path / "changes.csv") == b"date\n"


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "events.csv")
    with pytest.raises(RefusedFile, match="is not a regular file"):
        read_bytes(tmp_path, tmp_path / "events.csv")


def test_a_missing_file_and_a_link_loop_are_refused_with_a_reason(tmp_path):
    with pytest.raises(RefusedFile, match=r"could not be opened \(No such file or directory\)"):
        read_bytes(tmp_path, tmp_path / "none.csv")
    (tmp_path / "loop.csv").symlink_to(tmp_path / "loop.csv")
    with pytest.raises(RefusedFile, match="could not be opened"):
        read_bytes(tmp_path, tmp_path / "loop.csv")
    assert theatre_files.exists(tmp_path / "loop.csv") and not theatre_files.exists(tmp_path / "none.csv")


def test_the_data_version_leaves_out_a_file_that_is_not_the_folders_own(theatre_dir, tmp_path):
    (tmp_path / "outside.csv").write_text("date,note\n")
    (theatre_dir / "events.csv").unlink(missing_ok=True)
    without = data_digest(theatre_dir)
    (theatre_dir / "events.csv").symlink_to(tmp_path / "outside.csv")
    assert data_digest(theatre_dir) == without
