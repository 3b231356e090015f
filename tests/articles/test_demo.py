"""seed_demo's guides: four, in four languages but one, idempotent, with working links."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from articles import demo
from articles.demo import GUIDES
from articles.models import Article, Category

pytestmark = pytest.mark.django_db


def _seed():
    call_command("seed_demo", force=True, stdout=io.StringIO())


def test_it_seeds_translated_guides_once():
    _seed()
    state = list(Article.objects.order_by("pk").values()), list(Category.objects.values())
    _seed()
    assert (list(Article.objects.order_by("pk").values()), list(Category.objects.values())) == state
    assert Article.objects.count() == len(GUIDES)
    languages = {article.key: article.languages for article in Article.objects.all()}
    assert languages["informational-interviews"] == ["en", "sv", "da"]
    assert all(
        codes == ["en", "sv", "da", "fi"] for key, codes in languages.items() if key != "informational-interviews"
    )
    category = Category.objects.get()
    assert all(getattr(category, f"name_{code}") for code in ("en", "sv", "da", "fi"))
    assert all(article.is_public for article in Article.objects.all())


def test_it_makes_the_demo_editor_an_editor():
    _seed()
    from accounts.models import User

    editor = User.objects.get(email="editor@demo.rookie.test")
    assert editor.is_staff and not editor.is_superuser
    assert editor.has_perm("articles.change_article") and editor.has_perm("articles.add_category")


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
def test_it_shows_the_demo_guides_with_working_links(client, language):
    demo.seed(users={}, stdout=io.StringIO())
    article = Article.objects.get(key="choose-the-right-network")
    with translation.override(language):
        html = client.get(article.version(language).url).content.decode()
    prepare = Article.objects.get(key="prepare-for-a-networking-event").version(language).url
    assert f'href="{prepare}"' in html
    assert f'href="/{language}/networks/"' in html
    interviews = Article.objects.get(key="informational-interviews")
    with translation.override(language):
        html = client.get(interviews.version(language).url).content.decode()
    assert ("fallback-notice" in html) == (language == "fi")
