"""A scrub or a click reruns only the live part of the page (the st.fragment in dashboard.py),
as a browser asks for it: the rest of the page is not run or sent again."""

from __future__ import annotations

import asyncio
import random
import shutil

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from devtools.server import Server
from devtools.session import Reader, Tally
from geo import load_theatre
from tests.conftest import ALEPPO

pytestmark = pytest.mark.slow


def texts(deltas) -> str:
    return "\n".join(d.new_element.markdown.body for d in deltas if d.WhichOneof("type") == "new_element")


async def visit(url: str, district_id: str, name: str) -> None:
    tally = Tally()
    reader = Reader(url, tally, random.Random(0), [district_id])
    await reader.open()
    first = reader.last_run
    assert reader.last_status == ForwardMsg.FINISHED_SUCCESSFULLY
    live = reader.fragment_ids[reader.slider_id]
    assert reader.fragment_ids[reader.map_id] == live
    assert [d for d in first if not d.fragment_id], "the first run draws the whole page"

    await reader.scrub(1)
    assert reader.last_status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
    assert {d.fragment_id for d in reader.last_run} == {live}
    assert "date=2016-10-08" in texts(reader.last_run)  # the share link follows the date
    assert len(reader.last_run) < len(first)

    await reader.click(district_id)
    assert reader.last_status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
    assert {d.fragment_id for d in reader.last_run} == {live}
    assert name in texts(reader.last_run).replace("\\", "")  # the panel shows the clicked district
    assert not tally.errors
    await reader.close()


async def edit_while_open(url: str, edited) -> None:
    reader = Reader(url, Tally(), random.Random(0), [])
    await reader.open()
    await reader.scrub(1)
    assert reader.last_status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
    edited.touch()  # a new version of a data file while the page is open
    await reader.scrub(1)
    assert reader.last_status == ForwardMsg.FINISHED_SUCCESSFULLY, "the whole page runs again, with the new data"
    assert [d for d in reader.last_run if not d.fragment_id]
    await reader.scrub(1)
    assert reader.last_status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
    await reader.close()


def test_a_data_change_while_the_page_is_open_reruns_the_whole_page(tmp_path):
    data = tmp_path / "aleppo"
    shutil.copytree(ALEPPO, data)
    server = Server(data)
    try:
        asyncio.run(edit_while_open(server.url, data / "changes.csv"))
    finally:
        server.stop()


def test_a_scrub_and_a_click_rerun_only_the_live_view():
    theatre = load_theatre(ALEPPO)
    district_id = "al-jdayde" if "al-jdayde" in theatre.district_ids else theatre.district_ids[0]
    name = theatre.district_at(district_id, theatre.meta.end_date)["name_en"]
    server = Server(ALEPPO)
    try:
        asyncio.run(visit(server.url, district_id, name))
    finally:
        server.stop()
