"""docker-compose.yml runs `--scale web=3` behind a proxy, with Redis, migrating once.

Docker cannot run in the test environment, so these read the file as Compose would (YAML with
anchors and merge keys) and check the wiring that scaling depends on.
"""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def services():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def _depends(service):
    depends = service.get("depends_on", {})
    return depends if isinstance(depends, dict) else {name: {} for name in depends}


def _command(service):
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else command


def test_web_publishes_no_host_port_so_it_can_be_scaled(services):
    # A fixed "8000:8000" would make the second replica fail to bind.
    assert "ports" not in services["web"]
    assert "container_name" not in services["web"]
    assert services["web"]["expose"] == ["8000"]


def test_the_proxy_publishes_the_site_and_waits_for_healthy_web_replicas(services):
    proxy = services["proxy"]
    assert proxy["ports"] == ["8000:80"]
    assert _depends(proxy)["web"]["condition"] == "service_healthy"
    mounted = [volume.split(":")[0] for volume in proxy["volumes"]]
    assert "./deploy/Caddyfile" in mounted
    assert (ROOT / "deploy" / "Caddyfile").is_file()


def test_the_proxy_config_sends_requests_to_every_replica_of_the_web_service(services):
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    # Docker's DNS returns one A record per replica of "web"; the proxy looks them up again.
    block = re.search(r"dynamic a \{(.*?)\}", caddyfile, re.S).group(1)
    assert re.search(r"^\s*name web$", block, re.M)
    assert re.search(r"^\s*port (\d+)$", block, re.M).group(1) in services["web"]["expose"]
    assert re.search(r"^\s*refresh \d+s$", block, re.M)
    assert caddyfile.count("{") == caddyfile.count("}")


def test_the_proxy_refuses_the_bodies_that_rookie_refuses(services, settings):
    # Caddy's MB is 10**6 bytes; Rookie's limit is 2 × 5 MiB. Caddy must refuse first, so that an
    # oversized body never occupies a web replica.
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    megabytes = int(re.search(r"request_body \{\s*max_size (\d+)MB\s*\}", caddyfile).group(1))
    assert megabytes * 10**6 <= settings.MAX_REQUEST_BODY_BYTES


def test_web_uses_the_shared_redis_and_trusts_only_the_proxy(services):
    web = services["web"]
    environment = web["environment"]
    assert environment["REDIS_URL"].startswith("redis://redis:6379/")
    assert services["redis"]["image"] == "redis:7"
    assert _depends(web)["redis"]["condition"] == "service_healthy"
    assert environment["BEHIND_PROXY"] == "1"
    assert "/readyz" in " ".join(web["healthcheck"]["test"])


def test_migrations_run_once_in_their_own_service_before_web_starts(services):
    web = services["web"]
    assert web["environment"]["RUN_MIGRATIONS"] == "0"
    assert _depends(web)["migrate"]["condition"] == "service_completed_successfully"
    assert _command(services["migrate"]).startswith("python manage.py migrate")
    assert _depends(services["migrate"])["db"]["condition"] == "service_healthy"
    migrating = [
        name
        for name, service in services.items()
        if "manage.py migrate" in _command(service) or service.get("environment", {}).get("RUN_MIGRATIONS") == "1"
    ]
    assert migrating == ["migrate"]


def test_every_container_running_rookie_shares_the_database_and_the_cache(services):
    for name in ("migrate", "web", "reminders", "purge"):
        environment = services[name]["environment"]
        assert environment["DATABASE_URL"] == services["web"]["environment"]["DATABASE_URL"], name
        assert environment["REDIS_URL"] == services["web"]["environment"]["REDIS_URL"], name


def test_the_scheduled_jobs_run_in_one_container_each_not_per_web_replica(services):
    for name, job in (("reminders", "send_reminders"), ("purge", "purge_expired")):
        assert job in _command(services[name])
        assert "replicas" not in services[name].get("deploy", {})
        assert _depends(services[name])["migrate"]["condition"] == "service_completed_successfully"
    assert not any(job in _command(services["web"]) for job in ("send_reminders", "purge_expired"))
