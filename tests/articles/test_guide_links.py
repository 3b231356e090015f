"""Which links in a guide's body name guides or sections (articles/links.py): read off the URLconf."""

from articles.links import guide_link_rules
from rookie.lib.markdown import render_markdown, slug_from_href


def test_every_section_under_the_language_prefix_gets_the_readers_language():
    text = "[a](/coach/) [b](/me/goals/) [c](/networks/) [d](/accounts/profile/) [e](/guides/)"
    html = render_markdown(text, language="sv", links=guide_link_rules()).html
    for path in ("/coach/", "/me/goals/", "/networks/", "/accounts/profile/", "/guides/"):
        assert f'href="/sv{path}"' in html


def test_paths_outside_the_language_prefix_are_never_guides():
    rules = guide_link_rules()
    for path in ("/admin", "/healthz", "/readyz", "/ics", "/reminders", "/static", "/media", "/sitemap.xml", "/coach"):
        assert slug_from_href(path, rules) is None, path
    assert slug_from_href("/networking-101", rules) == "networking-101"


def test_without_rules_links_stay_as_written():
    html = render_markdown("[a](/networks/) [b](/some-guide)", language="fi").html
    assert 'href="/networks/"' in html and 'href="/some-guide"' in html
