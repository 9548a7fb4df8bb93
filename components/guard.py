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

from mapui.i18n import t

log = logging.getLogger("frontlines")


@contextmanager
def contained(what: str, *, lang: str = "en") -> Iterator[None]:
    """Run one piece of the page; if it raises, log the details and show a notice naming ``what``
    (the piece's name in the catalogue, ``piece.<what>``) in ``lang``.

    Streamlit's own control flow (``st.stop``, reruns) derives from ``BaseException`` and passes through.
    """
    try:
        yield
    except Exception:
        log.exception("the %s could not be shown", what)
        st.error(t("notice.piece_failed", lang, what=t(f"piece.{what}", lang)))
