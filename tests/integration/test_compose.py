"""docker-compose.yml and its native twin (scripts/compose-native.sh) run the same services.

No docker engine here: the compose file is parsed, interpolated like compose does, and compared
with what the native runner prints; the scrapyd start script is the one the scrapyd tests run.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.integration.conftest import clean_env

ROOT = Path(__file__).resolve().parents[2]
NATIVE = ROOT / "scripts" / "compose-native.sh"
APP_SERVICES = ("migrate", "scrapyd", "scheduler", "api")
SECRETS = {
    "POSTGRES_PASSWORD": "pg-pw",
    "SCRAPYD_USERNAME": "crawler",
    "SCRAPYD_PASSWORD": "sd-pw",
    "AEROSCRAP_ADMIN_API_KEY": "admin-key",
}
_VAR = re.compile(r"\$\{(?P<name>\w+)(?:(?P<op>:[-?])(?P<arg>[^}]*))?\}")
# Compose's private network seen from one machine: service names and "all interfaces" become
# loopback (compose publishes scrapyd and the API on the host's 127.0.0.1 only).
_HOSTS = {"@postgres:": "@127.0.0.1:", "//scrapyd:": "//127.0.0.1:", "0.0.0.0": "127.0.0.1"}


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?error} (the forms the file uses)."""

    def sub(match: re.Match[str]) -> str:
        name, op, arg = match["name"], match["op"], match["arg"]
        if env.get(name):
            return env[name]
        if op == ":?":
            raise KeyError(f"{name}: {arg}")
        return arg or ""

    return _VAR.sub(sub, value)


def native_view(value: str) -> str:
    for compose_host, native_host in _HOSTS.items():
        value = value.replace(compose_host, native_host)
    return value


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return loaded


def native(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [NATIVE, *args],
        env=clean_env(**(SECRETS if env is None else env)),
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.parametrize("service", APP_SERVICES)
def test_native_runner_matches_compose_command_and_env(
    compose: dict[str, Any], service: str
) -> None:
    spec = compose["services"][service]
    command = [native_view(part) for part in spec["command"]]
    assert native("command", service).stdout.splitlines() == command
    expected = {
        k: native_view(interpolate(str(v), SECRETS)) for k, v in spec["environment"].items()
    }
    printed = native("env", service).stdout.splitlines()
    assert dict(line.split("=", 1) for line in printed) == expected
    assert len(printed) == len(expected)


def test_every_service_runs_in_production_from_one_image(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"postgres", *APP_SERVICES}
    for name in APP_SERVICES:
        spec = services[name]
        assert spec["build"] == "." and spec["image"] == "aeroscrap:latest", name
        assert spec["environment"]["AEROSCRAP_ENV"] == "production", name
        assert set(spec["environment"]) >= {
            "AEROSCRAP_DATABASE_URL",
            "AEROSCRAP_SCRAPYD_URLS",
            "AEROSCRAP_SCRAPYD_USERNAME",
            "AEROSCRAP_SCRAPYD_PASSWORD",
        }, name


def test_startup_order_and_postgres_health(compose: dict[str, Any]) -> None:
    services = compose["services"]
    postgres = services["postgres"]
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    assert any(v.endswith(":/var/lib/postgresql/data") for v in postgres["volumes"])
    assert services["migrate"]["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    assert services["migrate"]["restart"] == "no"
    for name in ("scrapyd", "api"):
        assert services[name]["depends_on"]["migrate"] == {
            "condition": "service_completed_successfully"
        }
    assert services["scheduler"]["depends_on"] == {"scrapyd": {"condition": "service_healthy"}}


def test_compose_never_starts_scrapyd_without_credentials(compose: dict[str, Any]) -> None:
    scrapyd = compose["services"]["scrapyd"]
    env = scrapyd["environment"]
    for key in ("SCRAPYD_USERNAME", "SCRAPYD_PASSWORD"):
        with pytest.raises(KeyError, match=key):
            interpolate(env[key], {k: v for k, v in SECRETS.items() if k != key})
    # Published on the host's loopback only, like the API.
    assert scrapyd["ports"] == ["127.0.0.1:6800:6800"]
    assert compose["services"]["api"]["ports"] == ["127.0.0.1:8000:8000"]
    # The healthcheck itself authenticates: it would fail against a node that refuses us.
    assert "auth=" in " ".join(scrapyd["healthcheck"]["test"])


def test_missing_secret_stops_both_runners(compose: dict[str, Any]) -> None:
    partial = {k: v for k, v in SECRETS.items() if k != "SCRAPYD_PASSWORD"}
    result = native("env", "scheduler", env=partial)
    assert result.returncode != 0 and "SCRAPYD_PASSWORD" in result.stderr
    with pytest.raises(KeyError, match="SCRAPYD_PASSWORD"):
        interpolate(
            compose["services"]["scheduler"]["environment"]["AEROSCRAP_SCRAPYD_PASSWORD"], partial
        )


def test_scrapyd_start_script_refuses_to_run_without_credentials(tmp_path: Path) -> None:
    for missing in ("SCRAPYD_USERNAME", "SCRAPYD_PASSWORD"):
        env = clean_env(SCRAPYD_USERNAME="u", SCRAPYD_PASSWORD="p", SCRAPYD_HOME=str(tmp_path))
        del env[missing]
        result = subprocess.run(
            [ROOT / "deploy" / "scrapyd-start.sh"],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode != 0
        assert f"set {missing}: a scrapyd node never runs without credentials" in result.stderr
    assert not (tmp_path / "scrapyd.conf").exists()  # stopped before anything was set up


def test_scrapyd_conf_binds_loopback_and_keeps_jobs() -> None:
    import configparser

    config = configparser.ConfigParser()
    config.read(ROOT / "deploy" / "scrapyd.conf")
    section = config["scrapyd"]
    assert section["bind_address"] == "127.0.0.1"
    assert section["jobstorage"] == "scrapyd.jobstorage.SqliteJobStorage"
    assert section["max_proc_per_cpu"] == "1"


def test_dockerfile_builds_the_egg_the_scrapyd_service_deploys() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.startswith("# ") and "FROM python:3.11-slim" in dockerfile
    assert "apt-get install -y --no-install-recommends chromium" in dockerfile
    assert "scrapyd-deploy --build-egg /opt/aeroscrap/aeroscrap.egg" in dockerfile
    assert "AEROSCRAP_EGG=/opt/aeroscrap/aeroscrap.egg" in dockerfile
    # Everything the compose services run is copied into the image.
    for path in ("deploy", "schedule.example.toml", "scrapy.cfg", "setup.py"):
        assert re.search(rf"^COPY .*\b{re.escape(path)}\b", dockerfile, re.M), path
    assert os.access(ROOT / "deploy" / "scrapyd-start.sh", os.X_OK)
