import pytest
from django.urls import reverse
from django.utils import translation

from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "home",
    "accounts:login",
    "accounts:signup",
    "accounts:password_reset",
    "articles:list",
    "networks:list",
]
MEMBER_PAGES = ["accounts:profile", "accounts:password_change", "tracker:dashboard"]

# One of Rookie's own strings from the base template (Django ships no translation of it), to prove
# that our catalogue is compiled and used.
SKIP_LINK = {
    "en": "Skip to content",
    "sv": "Hoppa till innehållet",
    "da": "Spring til indholdet",
    "fi": "Siirry sisältöön",
}


def _url(name, language):
    with translation.override(language):
        return reverse(name)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_render_in_every_language(client, name, language):
    response = client.get(_url(name, language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert SKIP_LINK[language] in html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_member_pages_render_in_every_language(alice_client, name, language):
    response = alice_client.get(_url(name, language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert SKIP_LINK[language] in html
    assert 'action="/i18n/setlang/"' in html


@pytest.mark.parametrize(
    ("accept", "expected"), [("fi-FI,fi;q=0.9", "/fi/"), ("da", "/da/"), ("sv-SE", "/sv/"), ("de", "/en/")]
)
def test_the_first_visit_follows_accept_language(client, accept, expected):
    response = client.get("/", headers={"accept-language": accept})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_the_switcher_keeps_the_page(client):
    response = client.post(reverse("set_language"), {"language": "fi", "next": "/sv/accounts/signup/"})
    assert response.status_code == 302
    assert response["Location"] == "/fi/accounts/signup/"
    assert response.cookies["rookie_language"].value == "fi"


def test_the_switcher_leaves_a_members_preferred_language(alice_client, alice):
    # The switcher changes the interface only; e-mails and the calendar follow the profile's choice.
    alice_client.post(reverse("set_language"), {"language": "da", "next": "/sv/accounts/profile/"})
    alice.refresh_from_db()
    assert alice.preferred_language == "sv"


def test_the_switcher_ignores_an_unknown_language(alice_client, alice):
    response = alice_client.post(reverse("set_language"), {"language": "xx", "next": "/sv/"})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.preferred_language == "sv"


def test_every_page_offers_the_switcher_with_the_current_path(client):
    html = client.get("/da/accounts/login/").content.decode()
    assert 'name="next" value="/da/accounts/login/"' in html
    for code in LANGUAGES:
        assert f'name="language" value="{code}"' in html


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Page not found"),
        ("sv", "Sidan hittades inte"),
        ("da", "Siden blev ikke fundet"),
        ("fi", "Sivua ei löytynyt"),
    ],
)
def test_the_404_page_speaks_the_active_language(client, language, text):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_the_500_page_renders_in_the_active_language(rf):
    from rookie.views import error_500

    with translation.override("fi"):
        response = error_500(rf.get("/fi/"))
    assert response.status_code == 500
    assert 'lang="fi"' in response.content.decode()


def test_the_403_page_renders(rf):
    from rookie.views import error_403

    with translation.override("sv"):
        response = error_403(rf.get("/sv/"))
    assert response.status_code == 403
