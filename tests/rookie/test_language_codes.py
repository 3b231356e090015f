from django.conf import settings

from rookie.lib.languages import LANGUAGE_CODES, is_language, language_fields, other_languages


def test_it_follows_settings_languages_in_order():
    assert tuple(code for code, _name in settings.LANGUAGES) == LANGUAGE_CODES
    assert LANGUAGE_CODES[0] == settings.LANGUAGE_CODE


def test_it_matches_the_translated_columns():
    assert tuple(settings.MODELTRANSLATION_LANGUAGES) == LANGUAGE_CODES


def test_it_recognises_only_site_languages():
    assert all(is_language(code) for code in LANGUAGE_CODES)
    assert not is_language("de")
    assert not is_language("")
    assert not is_language(None)
    assert not is_language(["en"])


def test_it_lists_the_other_languages():
    assert other_languages("sv") == tuple(code for code in LANGUAGE_CODES if code != "sv")
    assert other_languages("xx") == LANGUAGE_CODES


def test_it_names_the_translated_columns():
    assert language_fields("title") == tuple(f"title_{code}" for code in LANGUAGE_CODES)
