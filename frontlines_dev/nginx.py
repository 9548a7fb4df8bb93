"""nginx on loopback in front of dashboard replicas, with the deployment's own configuration.

The server block is deploy/nginx/frontlines.conf.template, filled in the way nginx's official
image fills it in (``${VAR}`` from the given values) and wrapped in the few lines a stand-alone
nginx needs (events, temporary paths, logs in a private folder).
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

from frontlines_dev.server import stop_process

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "deploy" / "nginx" / "frontlines.conf.template"
_VARIABLE = re.compile(r"\$\{(FRONTLINES_[A-Z0-9_]+)\}")


def find_nginx() -> str | None:
    """The nginx binary: on PATH or Debian's /usr/sbin/nginx."""
    found = shutil.which("nginx")
    return found or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None)


def fill_template(text: str, values: dict[str, str]) -> str:
    """``${FRONTLINES_*}`` replaced by ``values``, as envsubst does; an unknown name is an error."""
    missing = sorted({m for m in _VARIABLE.findall(text) if m not in values})
    if missing:
        raise KeyError(f"no value for {missing}")
    return _VARIABLE.sub(lambda m: values[m.group(1)], text)


def streamlit_static() -> Path:
    """The installed Streamlit's frontend bundle (what the Dockerfile's proxy stage copies)."""
    import streamlit

    return Path(streamlit.__file__).parent / "static" / "static"


class Nginx:
    def __init__(self, folder: Path, *, port: int, base_path: str, replicas: list[str]):
        executable = find_nginx()
        if executable is None:
            raise RuntimeError("nginx is not installed (apt-get install nginx)")
        self.folder = folder
        self.port = port
        folder.mkdir(parents=True, exist_ok=True)
        server = fill_template(
            TEMPLATE.read_text(encoding="utf-8"),
            {
                "FRONTLINES_LISTEN": f"127.0.0.1:{port}",
                "FRONTLINES_BASE_PATH": base_path,
                "FRONTLINES_REPLICA_1": replicas[0],
                "FRONTLINES_REPLICA_2": replicas[1],
                "FRONTLINES_STREAMLIT_STATIC": str(streamlit_static()),
            },
        )
        temp = "".join(
            f"    {name}_temp_path {folder}/{name};\n" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (folder / "nginx.conf").write_text(
            f"worker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
            "events { worker_connections 1024; }\n"
            "http {\n    log_format upstream '$request_method $uri $status $upstream_addr';\n"
            f"    access_log {folder}/access.log upstream;\n{temp}{server}\n}}\n",
            encoding="utf-8",
        )
        self.log = open(folder / "stderr.log", "w+")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                executable,
                "-p",
                str(folder),
                "-c",
                str(folder / "nginx.conf"),
                "-e",
                str(folder / "error.log"),
                "-g",
                "daemon off;",
            ],
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(
            f"nginx did not start: {(folder / 'error.log').read_text() if (folder / 'error.log').exists() else ''}"
        )

    def _logged(self, uri_part: str) -> list[list[str]]:
        """(method, path, status, upstream) of the requests whose path holds ``uri_part``, in order."""
        log = self.folder / "access.log"
        lines = log.read_text().splitlines() if log.exists() else []
        return [line.split() for line in lines if uri_part in line]

    def upstreams(self, uri_part: str) -> list[str]:
        """The replicas (host:port) that served requests whose path holds ``uri_part``, in order."""
        return [fields[-1] for fields in self._logged(uri_part) if fields[-1] != "-"]

    def served_itself(self, uri_part: str) -> list[str]:
        """The paths holding ``uri_part`` that nginx answered with 200 from its own files."""
        return [fields[1] for fields in self._logged(uri_part) if fields[-1] == "-" and fields[2] == "200"]

    def stop(self) -> None:
        stop_process(self.process, self.log)
