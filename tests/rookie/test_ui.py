"""The interface template tags (rookie/templatetags/ui.py): icons from the sprite, initials avatars,
the shell's shared markup (memo)."""

import re
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template, TemplateSyntaxError
from django.templatetags.static import static
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from tests.factories import ContactFactory, UserFactory

ROOT = Path(settings.BASE_DIR)
SPRITE = ROOT / "static" / "img" / "icons.svg"


def render(source, **context):
    return Template("{% load ui %}" + source).render(Context(context))


def test_it_draws_an_icon_from_the_sprite_hidden_from_screen_readers():
    html = render('{% icon "check" %}')
    sprite = static("img/icons.svg")
    assert html == f'<svg class="icon" aria-hidden="true" focusable="false"><use href="{sprite}#i-check"></use></svg>'


def test_it_adds_a_class_to_an_icon():
    assert '<svg class="icon icon-big"' in render('{% icon "menu" "icon-big" %}')


@pytest.mark.parametrize("name", ["Check", "../x", 'a" onload="x', ""])
def test_it_refuses_an_icon_name_that_could_break_the_markup(name):
    with pytest.raises(TemplateSyntaxError):
        render("{% icon name %}", name=name)


def test_every_icon_a_template_uses_is_in_the_sprite():
    sprite = SPRITE.read_text(encoding="utf-8")
    symbols = set(re.findall(r'<symbol id="i-([a-z0-9-]+)"', sprite))
    used = set()
    for template in (ROOT / "templates").rglob("*.html"):
        used |= set(re.findall(r'{%\s*icon\s+"([^"]+)"', template.read_text(encoding="utf-8")))
    assert used, "no template uses an icon: the scan is broken"
    assert used <= symbols, f"icons missing from {SPRITE.name}: {sorted(used - symbols)}"


def test_the_sprite_ships_with_the_lucide_licence():
    licence = (ROOT / "static" / "vendor" / "lucide" / "LICENSE").read_text(encoding="utf-8")
    assert "ISC License" in licence and "Lucide" in licence
    assert "1.87.0" in (ROOT / "static" / "vendor" / "lucide" / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "letters"),
    [
        ("Anna-Karin Lindqvist", "AL"),
        ("Björk", "B"),
        ("åsa öberg", "ÅÖ"),
        ("Jean de la Fontaine", "JF"),
        ("🎉 Party Planner", "PP"),
        ("& 🎉", "?"),
        ("", "?"),
    ],
)
def test_an_avatar_shows_one_or_two_initials(name, letters):
    html = render("{% avatar name %}", name=name)
    assert re.fullmatch(rf'<span class="avatar avatar--c[0-5]" aria-hidden="true">{re.escape(letters)}</span>', html)


@pytest.mark.django_db
def test_an_avatar_reads_a_users_display_name_and_a_contacts_name():
    user = UserFactory(display_name="Maja Lind")
    contact = ContactFactory(owner=user, name="Olli Virtanen")
    assert ">ML</span>" in render("{% avatar person %}", person=user)
    assert ">OV</span>" in render("{% avatar person %}", person=contact)


def _colour(name):
    return re.search(r"avatar--c(\d)", render("{% avatar name %}", name=name)).group(1)


def test_an_avatar_keeps_its_colour_for_a_name_and_spreads_names_over_the_palette():
    # crc32 of the folded name, not hash(): the colour must not change between processes.
    assert _colour("Maja Lind") == str(zlib.crc32(b"maja lind") % 6)
    assert _colour("Maja Lind") == _colour("  maja LIND ")
    assert {_colour(f"Person {n}") for n in range(60)} == {str(n) for n in range(6)}


def test_an_avatar_escapes_the_name_and_takes_a_size():
    html = render('{% avatar name "large" %}', name="<b>Evil</b> Name")
    assert 'class="avatar avatar--c' in html and " avatar--large" in html
    assert "<b>" not in html


# --- {% memo %}: the shell's shared markup, rendered once per process ----------------------------


def _csrf_value(html):
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', html)


@pytest.mark.django_db
def test_the_shell_gives_each_visitor_their_own_csrf_token_and_language_switch_address(client):
    first = client.get("/en/guides/?q=first").content.decode()
    other = Client()
    second = other.get("/en/guides/?q=a%22%3Cb").content.decode()
    assert _csrf_value(first) and _csrf_value(second)
    assert set(_csrf_value(first)).isdisjoint(_csrf_value(second))
    assert '<input type="hidden" name="next" value="/en/guides/?q=first">' in first
    # The path is escaped as the template escaped it.
    assert '<input type="hidden" name="next" value="/en/guides/?q=a%22%3Cb">' in second
    assert "\x00" not in first + second


@pytest.mark.django_db
def test_the_shell_menu_follows_who_is_signed_in_and_where_they_are(client, alice, bob):
    anonymous = client.get("/en/guides/").content.decode()
    assert "Log in" in anonymous and "Log out" not in anonymous
    assert '<a href="/en/guides/" class="is-current">' in anonymous
    client.force_login(alice)
    member = client.get("/en/networks/").content.decode()
    assert "Log out" in member and "My tracker" in member and f'href="{reverse("coaching:sharing")}"' in member
    assert '<a href="/en/networks/" class="is-current">' in member
    assert '<a href="/en/guides/" class="is-current">' not in member
    client.force_login(bob)
    coach = client.get("/sv/networks/").content.decode()
    assert 'href="/sv/coach/"' in coach and '<html lang="sv">' in coach
    assert "Logga ut" in coach


def test_memo_renders_its_content_once_per_key():
    calls = []
    source = '{% load ui %}{% memo "t" which %}{{ counted }}{% csrf_token %}{% endmemo %}'
    rendered = Template(source)

    class Counted:
        def __str__(self):
            calls.append(1)
            return "x"

    request = RequestFactory().get("/")
    html = [
        rendered.render(Context({"request": request, "csrf_token": token, "which": which, "counted": Counted()}))
        for token, which in [("t1", 1), ("t2", 1), ("t3", 2)]
    ]
    assert len(calls) == 2
    assert [_csrf_value(h) for h in html] == [["t1"], ["t2"], ["t3"]]


def test_a_changed_setting_empties_the_memory_so_the_icons_follow_the_static_url():
    before = render('{% icon "check" %}')
    with override_settings(STATIC_URL="/elsewhere/"):
        assert 'href="/elsewhere/img/icons.' in render('{% icon "check" %}')
    assert render('{% icon "check" %}') == before


def test_memo_wants_a_quoted_name():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load ui %}{% memo which %}{% endmemo %}")


def test_a_memo_cannot_hold_a_block_a_child_template_would_override():
    with pytest.raises(TemplateSyntaxError):
        Template('{% load ui %}{% memo "m" %}{% block title %}{% endblock %}{% endmemo %}')


def test_a_memo_may_be_keyed_by_a_list():
    rendered = Template('{% load ui %}{% memo "listed" items %}{{ items|join:"," }}{% endmemo %}')
    request = RequestFactory().get("/")
    html = [
        rendered.render(Context({"request": request, "csrf_token": "t", "items": items})) for items in (["a"], ["b"])
    ]
    assert html == ["a", "b"]
