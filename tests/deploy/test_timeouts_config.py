"""The limits that keep slow or oversized clients away from Rookie's workers, read from the files
production runs with (deploy/Caddyfile, rookie/gunicorn.conf.py, docker-compose.yml, Dockerfile).
tests/deploy/test_slow_clients.py runs them."""

import re
import runpy
from pathlib import Path

import pytest
import yaml
from gunicorn.glogging import Logger

from rookie.lib.log_redaction import RedactSecretsFilter

ROOT = Path(__file__).resolve().parents[2]
CADDYFILE = (ROOT / "deploy" / "Caddyfile").read_text()


def _seconds(directive):
    found = re.search(rf"^\s*{directive} (\d+)(s|m)\s*$", CADDYFILE, re.M)
    assert found, f"{directive} is not set in deploy/Caddyfile"
    return int(found.group(1)) * (60 if found.group(2) == "m" else 1)


@pytest.fixture(scope="module")
def gunicorn_conf():
    return runpy.run_path(str(ROOT / "rookie" / "gunicorn.conf.py"))


def test_the_proxy_gives_a_client_bounded_time_to_send_its_request():
    servers = re.search(r"servers \{.*?timeouts \{(.*?)\}", CADDYFILE, re.S)
    assert servers, "deploy/Caddyfile has no global servers { timeouts { … } }"
    assert _seconds("read_header") <= 15
    assert _seconds("read_body") <= 120
    # Writing may take as long as reading the body plus Rookie's answer, not less.
    assert _seconds("write") >= _seconds("read_body")
    assert _seconds("idle") <= 5 * 60


def test_the_proxy_reads_the_whole_body_before_a_replica_sees_it():
    buffered = int(re.search(r"^\s*request_buffers (\d+)MB\s*$", CADDYFILE, re.M).group(1))
    largest = int(re.search(r"request_body \{\s*max_size (\d+)MB\s*\}", CADDYFILE).group(1))
    assert buffered >= largest


def test_the_proxy_drops_idle_connections_to_a_replica_before_gunicorn_does(gunicorn_conf):
    transport = re.search(r"transport http \{(.*?)\}", CADDYFILE, re.S).group(1)
    keepalive = int(re.search(r"keepalive (\d+)s", transport).group(1))
    assert keepalive < gunicorn_conf["keepalive"]


def test_gunicorn_bounds_what_one_request_may_send(gunicorn_conf):
    assert gunicorn_conf["limit_request_line"] <= 4094
    assert gunicorn_conf["limit_request_fields"] <= 64
    assert gunicorn_conf["limit_request_field_size"] <= 8190
    assert gunicorn_conf["graceful_timeout"] < gunicorn_conf["timeout"] <= 60
    assert 2 <= gunicorn_conf["keepalive"] <= 10


def test_gunicorn_logs_through_the_redacting_logger(gunicorn_conf):
    logger_class = gunicorn_conf["logger_class"]
    assert issubclass(logger_class, Logger)
    assert isinstance(logger_class.redact_filter, RedactSecretsFilter)


def test_the_container_probes_reach_the_probes_over_plain_http(settings):
    # curl -f counts a 301 as success: the probes must answer over HTTP with the redirect on.
    web = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]
    probe = " ".join(web["healthcheck"]["test"])
    assert "curl -fsS http://127.0.0.1:8000/readyz" in probe
    assert "curl -fsS http://127.0.0.1:8000/healthz" in (ROOT / "Dockerfile").read_text()
    exempt = [re.compile(pattern) for pattern in settings.SECURE_REDIRECT_EXEMPT]
    for path in ("healthz", "readyz"):
        assert any(pattern.search(path) for pattern in exempt)
    assert not any(pattern.search("en/") for pattern in exempt)
