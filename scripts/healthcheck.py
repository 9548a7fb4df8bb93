"""The container's health check: Streamlit's /_stcore/health (under server.baseUrlPath if set)."""

from __future__ import annotations

import os
import sys
import urllib.request


def main() -> int:
    base = os.environ.get("STREAMLIT_SERVER_BASE_URL_PATH", "").strip("/")
    port = os.environ.get("STREAMLIT_SERVER_PORT", "8501")
    url = f"http://127.0.0.1:{port}/{base + '/' if base else ''}_stcore/health"
    try:
        with urllib.request.urlopen(url, timeout=4) as response:
            return 0 if response.status == 200 else 1
    except OSError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
