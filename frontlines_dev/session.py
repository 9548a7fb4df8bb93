"""A Streamlit session driven over Streamlit's own websocket protocol, without a browser.

The BackMsg and ForwardMsg messages ship in the ``streamlit`` package. ``bench/load.py``
runs many of these readers against one server.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random
import time
from dataclasses import dataclass, field
from typing import Any

import websockets

from components.upstream import websocket_messages

BackMsg, ForwardMsg, WidgetState = websocket_messages()

SHARE_LINK = "date=2016-10-07&district=bustan-al-basha"
CLICK_EVERY = 8  # one action in this many is a click on a district; the others move the date
_EPOCH = dt.date(1970, 1, 1)


@dataclass
class Tally:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Reader:
    """One simulated browser tab: a websocket session that reruns the script as a reader's actions do."""

    def __init__(
        self, url: str, tally: Tally, rng: random.Random, districts: list[str], *, from_address: str | None = None
    ):
        """``url`` is the app's address (with its sub-path, if any); ``from_address`` the local
        address to connect from (a loopback address such as 127.0.0.7: nginx places a new reader
        on a replica by its client address, so simulated readers need addresses of their own)."""
        self.ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.origin = url
        self.from_address = from_address
        self.tally, self.rng, self.districts = tally, rng, districts
        self.query = SHARE_LINK
        self.widgets: dict[str, Any] = {}  # WidgetState by id
        self.slider_id: str | None = None
        self.map_id: str | None = None
        self.date = dt.date(2016, 10, 7)
        self.socket: websockets.ClientConnection | None = None

    async def open(self) -> None:
        self.socket = await websockets.connect(
            self.ws_url,
            subprotocols=[websockets.Subprotocol("streamlit")],
            origin=websockets.Origin(self.origin),
            max_size=None,
            ping_interval=None,  # a busy server answers late; the reader measures that, it does not hang up
            local_addr=(self.from_address, 0) if self.from_address else None,
        )
        await self.rerun()

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()

    async def rerun(self) -> None:
        """Send a rerun with the current widget values; wait for the script to finish."""
        assert self.socket is not None
        message = BackMsg()
        message.rerun_script.query_string = self.query
        message.rerun_script.widget_states.widgets.extend(self.widgets.values())
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        while True:
            reply = ForwardMsg()
            reply.ParseFromString(await asyncio.wait_for(self.socket.recv(), timeout=120))
            kind = reply.WhichOneof("type")
            if kind == "delta":
                self._look_at(reply)
            elif kind == "page_info_changed":
                self.query = reply.page_info_changed.query_string
            elif kind == "script_finished":
                if reply.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    self.tally.latencies_ms.append((time.perf_counter() - started) * 1000)
                    return
                if reply.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    self.tally.errors.append(f"script finished with {reply.script_finished}")
                    return

    def _look_at(self, reply: Any) -> None:  # a ForwardMsg
        element = reply.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "slider" and element.slider.label == "Date":
            self.slider_id = element.slider.id
        elif kind == "component_instance":
            self.map_id = element.component_instance.id
        elif kind == "exception":
            self.tally.errors.append(f"exception: {element.exception.message[:120]}")
        elif kind == "alert" and element.alert.format == element.alert.ERROR:
            self.tally.errors.append(f"error shown: {element.alert.body[:120]}")

    async def act(self) -> None:
        """One reader action: move the date by a few days, or click a district."""
        if self.map_id is not None and self.rng.randrange(CLICK_EVERY) == 0:
            await self.click(self.rng.choice(self.districts))
        elif self.slider_id is not None:
            await self.scrub(self.rng.choice([-7, -1, 1, 1, 1, 1, 2, 7]))

    async def click(self, district_id: str) -> None:
        """Click a district on the map (the map component's value, as the map sends it)."""
        assert self.map_id is not None, "no map seen yet"
        feature = {"type": "Feature", "properties": {"id": district_id}}
        self.widgets[self.map_id] = WidgetState(id=self.map_id, json_value=json.dumps({"last_active_drawing": feature}))
        await self.rerun()

    async def scrub(self, days: int) -> None:
        """Move the date slider by ``days`` (kept within the Aleppo record's range)."""
        assert self.slider_id is not None, "no date slider seen yet"
        self.date = min(max(self.date + dt.timedelta(days=days), dt.date(2012, 7, 1)), dt.date(2016, 12, 31))
        state = WidgetState(id=self.slider_id)
        state.double_array_value.data.append((self.date - _EPOCH).days * 86_400_000_000)
        self.widgets[self.slider_id] = state
        await self.rerun()
