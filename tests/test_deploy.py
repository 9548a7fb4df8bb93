"""The deployment files, checked without building a container (no Docker engine here)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

from frontlines_dev.nginx import TEMPLATE, fill_template

ROOT = Path(__file__).resolve().parents[1]


def test_streamlit_config_is_hardened_for_production():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] <= 2
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["enableStaticServing"] is True
    assert "baseUrlPath" not in config["server"]  # set per deployment (compose.yaml, the nginx test)


def test_community_cloud_needs_nothing_beyond_the_repository():
    assert (ROOT / "dashboard.py").is_file() and (ROOT / "requirements.txt").is_file()
    assert not (ROOT / "packages.txt").exists()  # no system packages at run time
    requirements = (ROOT / "requirements.txt").read_text().splitlines()
    assert not any(line.startswith(("-e", "git+", "http")) for line in requirements)
    readme = (ROOT / "README.md").read_text()
    deploy = readme[readme.index("## Deploy") :]
    assert "Python 3.11" in deploy and "dashboard.py" in deploy


def test_dockerfile_is_slim_non_root_with_a_health_check():
    text = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.\d+-slim AS app$", text, re.M)
    assert re.search(r"^USER app$", text, re.M)
    assert "useradd" in text
    assert re.search(r"^HEALTHCHECK .*\n?.*scripts/healthcheck.py", text, re.M)
    assert re.search(r"^EXPOSE 8501$", text, re.M)
    assert "_stcore/health" in (ROOT / "scripts" / "healthcheck.py").read_text()
    assert "RUN python -m geo cache" in text  # the image starts with its theatre cached
    assert "python -m compileall" in text  # and its own modules compiled
    assert re.search(r'^CMD \["python", "-m", "serve", ', text, re.M)  # the warm start (serve.py)
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", ".git", "tests/.assets"} <= set(ignored)


def test_compose_runs_two_replicas_behind_the_tested_nginx_configuration():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    apps = [name for name, s in services.items() if s.get("build") == {"context": ".", "target": "app"}]
    assert len(apps) == 2
    for name in apps:
        assert services[name]["environment"]["STREAMLIT_SERVER_BASE_URL_PATH"] == "aleppo"
    nginx = services["nginx"]
    assert nginx["build"] == {"context": ".", "target": "proxy"}
    mount = next(v for v in nginx["volumes"] if "frontlines.conf.template" in v)
    source, target = mount.split(":")[:2]
    assert (ROOT / source).resolve() == TEMPLATE  # the very file tests/browser/test_deploy_browser.py runs
    assert target.startswith("/etc/nginx/templates/") and target.endswith(".template")
    env = nginx["environment"]
    assert env["FRONTLINES_BASE_PATH"] == "/aleppo"
    assert {env["FRONTLINES_REPLICA_1"], env["FRONTLINES_REPLICA_2"]} == {f"{a}:8501" for a in apps}
    filled = fill_template(TEMPLATE.read_text(), {k: str(v) for k, v in env.items()})
    assert "${" not in filled
    for needed in (
        "proxy_set_header Upgrade $http_upgrade",
        "map $cookie_frontlines_replica $frontlines_pin",  # sticky: a reader stays where it was served
        "proxy_pass http://frontlines_replica_$frontlines_pin;",
        "error_page 502 504 = @frontlines_failover;",
        'Set-Cookie "frontlines_replica=$frontlines_other; Path=/aleppo/;',  # the pin follows a failover
        "location /aleppo/",
        "location /aleppo/static/ {\n        alias /srv/streamlit-static/;",  # the frontend bundle, from nginx
    ):
        assert needed in filled
    for replica in ("app1:8501", "app2:8501"):
        assert f"server {replica} max_fails=1 fail_timeout=10s;" in filled
    assert set(nginx["depends_on"]) == set(apps)


def test_the_proxy_image_holds_the_bundle_of_the_replicas_own_streamlit():
    """nginx serves Streamlit's frontend bundle from a copy made from the app stage of the same
    build, so that it always matches the replicas' Streamlit; the copy's source is where the
    base image's Python installs packages."""
    text = (ROOT / "Dockerfile").read_text()
    stages = re.findall(r"^FROM (\S+)(?: AS (\w+))?$", text, re.M)
    assert [name for _, name in stages] == ["app", "proxy", ""]  # `docker build .` builds the last: the app
    assert stages[-1][0] == "app"
    python = re.search(r"^FROM python:(3\.\d+)-slim AS app$", text, re.M)
    assert python is not None
    env = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]["nginx"]["environment"]
    copy = re.search(r"^COPY --from=app (\S+) (\S+)$", text, re.M)
    assert copy is not None
    assert copy.group(1) == f"/usr/local/lib/python{python.group(1)}/site-packages/streamlit/static/static"
    assert copy.group(2) == env["FRONTLINES_STREAMLIT_STATIC"]


def test_the_nginx_configuration_limits_clients_and_fails_over_a_replica_that_fails():
    text = TEMPLATE.read_text()
    assert text.count("max_fails=1 fail_timeout=10s") == 2  # each replica
    assert re.search(r"^limit_req_zone \$binary_remote_addr zone=frontlines_app:\d+m rate=\d+r/s;$", text, re.M)
    assert "limit_req zone=frontlines_app" in text and "client_max_body_size 2m;" in text
    # every location that sets headers sets the security headers too (add_header does not inherit)
    locations = re.split(r"\n    location ", text)[1:]
    for location in locations:
        if "add_header" in location:
            assert "add_header X-Content-Type-Options nosniff always;" in location, location.splitlines()[0]
            assert "add_header Referrer-Policy strict-origin-when-cross-origin always;" in location
