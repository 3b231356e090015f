"""Categories are shown in the reader's language: known names are filled in every language, by the
importer for a new category and by data migration 0005 for existing ones; an unknown name falls
back along the language chain."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from articles.models import Article, Category

pytestmark = pytest.mark.django_db

migration = importlib.import_module("articles.migrations.0005_translate_known_categories")


def _import(tmp_path, category, name="blogg.sv.md"):
    path = tmp_path / name
    path.write_text(f"---\ntitle: Ett inlägg {name}\ncategory: {category}\n---\n\nText.\n", encoding="utf-8")
    call_command("import_articles", "--publish", str(path))
    return Article.objects.latest("pk")


def test_the_migration_fills_the_missing_names_of_known_categories():
    swedish_only = Category.objects.create(name_sv="Karriärutveckling")
    edited = Category.objects.create(name_sv="Karriärtips", name_en="Tips for your career")
    unknown = Category.objects.create(name_sv="Något helt eget")
    migration.fill_names(apps, None)
    swedish_only.refresh_from_db()
    assert (swedish_only.name_en, swedish_only.name_da, swedish_only.name_fi) == (
        "Career development",
        "Karriereudvikling",
        "Urakehitys",
    )
    assert (swedish_only.slug_en, swedish_only.slug_fi) == ("career-development", "urakehitys")
    edited.refresh_from_db()
    assert edited.name_en == "Tips for your career" and edited.name_fi == "Uravinkit"
    unknown.refresh_from_db()
    assert not unknown.name_en and unknown.name_for("en") == "Något helt eget"  # falls back


def test_the_migration_leaves_a_slug_another_category_uses():
    Category.objects.create(name_en="Other", slug_en="urakehitys")
    category = Category.objects.create(name_sv="Karriärutveckling")
    migration.fill_names(apps, None)
    category.refresh_from_db()
    assert category.name_fi == "Urakehitys" and not category.slug_fi


def test_an_imported_category_is_shown_in_every_language(client, tmp_path):
    article = _import(tmp_path, "Karriärutveckling")
    for code, name in (("en", "Career development"), ("fi", "Urakehitys"), ("da", "Karriereudvikling")):
        page = client.get(f"/{code}/guides/{article.slug_sv}/", HTTP_ACCEPT_LANGUAGE=code).content.decode()
        assert name in page and "Karriärutveckling" not in page, code
        listing = client.get(f"/{code}/guides/").content.decode()
        assert f">{name}</option>" in listing, code


def test_an_import_finds_the_category_by_a_translation(tmp_path):
    first = _import(tmp_path, "Karriärutveckling")
    second = _import(tmp_path, "Career development", name="other.sv.md")
    assert first.category_id == second.category_id and Category.objects.count() == 1


def test_an_unknown_category_falls_back_to_the_language_it_has(client, tmp_path):
    article = _import(tmp_path, "Helt egen kategori")
    assert article.category.name_for("en") == "Helt egen kategori"
    assert "Helt egen kategori" in client.get(f"/en/guides/{article.slug_sv}/").content.decode()


def test_the_admin_lists_each_languages_name(editor_client):
    Category.objects.create(name_sv="Karriärutveckling", name_en="Career development")
    html = editor_client.get("/admin/articles/category/").content.decode()
    assert "EN: Career development · SV: Karriärutveckling · DA: — · FI: —" in html
