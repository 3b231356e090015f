import pytest
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from rookie.middleware import ContentSecurityPolicyMiddleware

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


def test_a_changed_policy_setting_is_what_pages_get(client):
    client.get("/en/")  # the policy is built once per process: this one must not stay
    changed = {"DIRECTIVES": {"default-src": ["'self'"], "img-src": ["'self'", "data:"]}}
    with override_settings(CONTENT_SECURITY_POLICY=changed):
        assert _directives(client.get("/en/")) == {"default-src": ["'self'"], "img-src": ["'self'", "data:"]}
    assert _directives(client.get("/en/"))["frame-ancestors"] == ["'none'"]


def _through(middleware_class, view, path="/en/"):
    request = RequestFactory().get(path)
    middleware = middleware_class(view)
    return request, middleware(request)


def test_a_response_that_changes_its_policy_or_asks_for_a_nonce_gets_what_django_csp_gives():
    def updated(request):
        response = HttpResponse("x")
        response._csp_update = {"img-src": ["data:"]}
        return response

    def with_nonce(request):
        return HttpResponse(str(request.csp_nonce))

    def sorted_directives(response):
        return {name: sorted(values) for name, values in _directives(response).items()}

    for view in (updated, with_nonce):
        ours = sorted_directives(_through(ContentSecurityPolicyMiddleware, view)[1])
        assert ours == sorted_directives(_through(CSPMiddleware, view)[1])
    assert "data:" in _directives(_through(ContentSecurityPolicyMiddleware, updated)[1])["img-src"]


def test_a_nonce_asked_for_after_the_header_is_written_is_an_error():
    request, _response = _through(ContentSecurityPolicyMiddleware, lambda request: HttpResponse("x"))
    with pytest.raises(Exception, match="csp_nonce"):
        str(request.csp_nonce)


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
