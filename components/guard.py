"""Keeping an unexpected failure to one piece of the page, out of the reader's sight.

A reader never sees a traceback or a server path: a piece of the page that fails
shows a short notice instead, the rest of the page still renders, and the
details go to the server's log.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

log = logging.getLogger("frontlines")

NOTICE = (
    "The {what} could not be shown because of an unexpected problem; the rest of the page works. "
    "The details were written to the server's log."
)


@contextmanager
def contained(what: str) -> Iterator[None]:
    """Run one piece of the page; if it raises, log the details and show a notice naming ``what``.

    Streamlit's own control flow (``st.stop``, reruns) derives from ``BaseException`` and passes through.
    """
    try:
        yield
    except Exception:
        log.exception("the %s could not be shown", what)
        st.error(NOTICE.format(what=what))
