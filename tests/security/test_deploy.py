"""The production settings pass Django's deployment check, with the environment SECURITY.md documents."""

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Everything the documented production environment sets, and what the test run sets for itself.
_OURS = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SITE_URL",
    "SECURE_COOKIES",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "BEHIND_PROXY",
    "DJANGO_SETTINGS_MODULE",
    # Set by the browser tests for the live server; never in production (check --deploy refuses it).
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def _production_env(**extra):
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    env = {key: value for key, value in os.environ.items() if key not in _OURS}
    return {
        **env,
        "DEBUG": "0",
        "SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(50)),
        "ALLOWED_HOSTS": "rookie.example",
        "SITE_URL": "https://rookie.example",
        "SECURE_SSL_REDIRECT": "1",
        "SECURE_HSTS_SECONDS": "31536000",
        **extra,
    }


def _run(args, env):
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=120)


def test_it_passes_check_deploy_with_the_production_environment():
    result = _run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], _production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."
    assert "WARNINGS" not in result.stderr and "ERRORS" not in result.stderr


def test_it_fails_check_deploy_without_https():
    # The check is not vacuous: the same environment without HSTS and the HTTPS redirect is refused.
    result = _run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        _production_env(SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0"),
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout
    assert "security.W008" in result.stderr + result.stdout


@pytest.mark.parametrize(
    "site_url",
    [None, "http://rookie.example", "https://127.0.0.1:8000", "https://elsewhere.example", "rookie.example"],
)
def test_it_fails_check_deploy_unless_site_url_is_the_sites_https_address(site_url):
    env = _production_env(SITE_URL=site_url or "")
    if site_url is None:
        del env["SITE_URL"]  # the development default, the local server
    result = _run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode != 0
    assert "rookie.W001" in result.stderr + result.stdout


def test_production_cookies_are_host_only_secure_and_http_only():
    script = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME, s.LANGUAGE_COOKIE_NAME);"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY);"
        "print(s.SESSION_COOKIE_PATH, s.CSRF_COOKIE_PATH, s.LANGUAGE_COOKIE_PATH);"
        "print(s.SESSION_COOKIE_DOMAIN, s.CSRF_COOKIE_DOMAIN, s.LANGUAGE_COOKIE_DOMAIN);"
        "print(s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE, s.LANGUAGE_COOKIE_SAMESITE);"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS)"
    )
    result = _run([sys.executable, "-c", script], {**_production_env(), "DJANGO_SETTINGS_MODULE": "rookie.settings"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "__Host-rookie_session __Host-rookie_csrftoken __Host-rookie_language",
        "True True True True",
        "/ / /",
        "None None None",
        "Lax Lax Lax",
        "31536000 True",
    ]


def test_a_production_response_sets_host_prefixed_secure_cookies():
    # Through a real request: the log-in page sets the CSRF cookie with every attribute __Host- needs.
    script = (
        "import django; django.setup();"
        "from django.test import Client; from django.test.utils import setup_test_environment;"
        "setup_test_environment();"
        "c = Client(); r = c.get('/en/accounts/login/', secure=True, headers={'host': 'rookie.example'});"
        "m = r.cookies['__Host-rookie_csrftoken'];"
        "print(r.status_code, m['secure'], m['path'], repr(m['domain']), m['samesite'])"
    )
    env = {
        **_production_env(),
        "DJANGO_SETTINGS_MODULE": "rookie.settings",
        "ALLOWED_HOSTS": "rookie.example,testserver",
    }
    result = _run([sys.executable, "-c", script], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["200", "True", "/", "''", "Lax"]
