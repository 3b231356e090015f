"""The SitePage model: one page per kind (the database says so), the starter pages, and the checks
an editor's text goes through before readers get it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from sitepages.models import Kind, SitePage

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "sv", "da", "fi")


def test_the_starter_pages_exist_in_every_language():
    pages = {page.kind: page for page in SitePage.objects.all()}
    assert set(pages) == set(Kind.values)
    for page in pages.values():
        assert page.languages == list(LANGUAGES)
        # Each says it is starter text for the operator to replace (in its own language: no English left over).
        assert len({page.body_en, page.body_sv, page.body_da, page.body_fi}) == 4


def test_the_contact_page_is_the_one_the_blog_post_links_to():
    contact = SitePage.objects.get(kind=Kind.CONTACT)
    assert (contact.title_sv, contact.get_absolute_url()) == ("Kontakta oss", "/en/pages/contact/")


def test_a_kind_has_one_page_only():
    with pytest.raises(IntegrityError), transaction.atomic():
        SitePage.objects.create(kind=Kind.PRIVACY, title_en="Another privacy notice", body_en="Text.")
    assert SitePage.objects.filter(kind=Kind.PRIVACY).count() == 1


def test_an_unknown_kind_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        SitePage.objects.create(kind="about", title_en="About", body_en="Text.")


def test_a_version_needs_both_a_title_and_a_text():
    page = SitePage.objects.get(kind=Kind.TERMS)
    page.title_fi, page.body_fi = "Ehdot", ""
    page.title_da, page.body_da = "", "Tekst uden titel."
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert set(error.value.message_dict) == {"body_fi", "title_da"}


def test_a_text_too_complex_to_convert_is_refused():
    page = SitePage.objects.get(kind=Kind.TERMS)
    page.body_sv = "> " * 5000  # quotes nested 5,000 deep
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "body_sv" in error.value.message_dict


def test_a_text_over_the_limit_is_refused():
    page = SitePage.objects.get(kind=Kind.TERMS)
    page.body_en = "x" * 60_001
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "body_en" in error.value.message_dict


@pytest.mark.parametrize(
    ("missing", "requested", "shown"),
    [("fi", "fi", "sv"), ("da", "da", "sv"), ("sv", "sv", "en"), ("en", "en", "sv")],
)
def test_a_missing_version_falls_back_along_the_configured_chain(missing, requested, shown):
    from articles.languages import fallback_chain

    page = SitePage.objects.get(kind=Kind.PRIVACY)
    setattr(page, f"title_{missing}", "")
    version = page.version(fallback_chain(requested), requested)
    assert (version.language, version.is_fallback) == (shown, True)
    assert version.title == getattr(page, f"title_{shown}")
