"""The services some tests need fail those tests in one line that says how to start them."""

import socket

import pytest

from tests.conftest import REDIS_START, require_redis


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_missing_redis_fails_with_how_to_start_it():
    with pytest.raises(pytest.fail.Exception) as failure:
        require_redis(("127.0.0.1", _closed_port()))
    message = str(failure.value)
    assert "Redis is not running at 127.0.0.1:" in message
    assert REDIS_START in message
    assert "\n" not in message
    assert failure.value.pytrace is False


def test_a_running_redis_passes(redis_server):
    require_redis()
