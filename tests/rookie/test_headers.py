import pytest

pytestmark = pytest.mark.django_db


def _directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_forbid_inline_scripts_and_framing(client):
    response = client.get("/en/")
    directives = _directives(response)
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_admin_may_use_inline_styles_but_not_inline_scripts(client):
    response = client.get("/admin/login/")
    directives = _directives(response)
    assert "'unsafe-inline'" in directives["style-src"]
    assert directives["script-src"] == ["'self'"]


def test_pages_for_a_signed_in_member_are_not_stored(alice_client):
    response = alice_client.get("/en/accounts/profile/")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_anonymous_pages_may_be_cached(client):
    response = client.get("/en/")
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("url", ["/en/guides/?q=a%00b", "/en/networks/?q=%00", "/en/me/contacts/?tag=%00"])
def test_a_nul_byte_in_the_query_string_is_a_400(alice_client, url):
    assert alice_client.get(url).status_code == 400
