"""HEAD answers like GET on every URL: uptime monitors, link checkers, feed readers and caches send
HEAD, and a 405 there reads as "the site is down". Same status and redirect as GET, no body; for the
URLs of the access matrix (tests/security/test_url_access.py), as a visitor signed out and as one
the matrix allows (the owner where there is one)."""

import pytest

from tests.conftest import client_for
from tests.security.test_url_access import PARAM_URLS, PLAIN_URLS, _cases, _url


def _visitors(access):
    allowed = next((actor for actor in ("alice", *sorted(access.allowed)) if actor in access.allowed), None)
    return ["anonymous"] + ([allowed] if allowed and allowed != "anonymous" else [])


@pytest.mark.django_db
def test_head_answers_like_get_on_every_url(world):
    # One world for all URLs (GET and HEAD change nothing); every difference is listed at the end.
    clients = {}
    differences = []
    for param in [*_cases(PARAM_URLS), *_cases(PLAIN_URLS)]:
        key, access = param.values
        url = _url(key, {name: world[source] for name, source in access.kwargs.items()})
        for actor in _visitors(access):
            client = clients.setdefault(actor, client_for(world, actor, REMOTE_ADDR="10.0.1.1"))
            got, head = client.get(url), client.head(url)
            body = b"".join(head.streaming_content) if head.streaming else head.content
            if (head.status_code, head.get("Location")) != (got.status_code, got.get("Location")) or body:
                differences.append(
                    f"{url} as {actor}: GET {got.status_code} {got.get('Location', '')}, "
                    f"HEAD {head.status_code} {head.get('Location', '')} with {len(body)} bytes"
                )
    assert not differences, "\n".join(differences)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/healthz", "/readyz"])
def test_the_health_probes_answer_head(client, url):
    assert client.head(url).status_code == 200
