"""The contact field: its JSON search, the forms' "Find" step without JavaScript, and the dashboard
at 3,000 contacts (accounts/tracker/contact_picker.py, views/contact_search.py).

alice is the member who owns the contacts; charlie is a stranger who must never find them.
"""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Contact, FollowUp, Interaction
from accounts.tracker.contact_picker import MAX_QUERY_LENGTH, RESULT_LIMIT, search_contacts
from accounts.tracker.contact_search_text import fold
from tests.factories import ContactFactory, FollowUpFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("tracker:contact_search")


def _days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def _names(client, q):
    response = client.get(SEARCH, {"q": q})
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["results"]]


def _many(owner, count, **fields):
    """`count` contacts in one INSERT (factories would take minutes at 3,000)."""
    rows = [
        Contact(owner=owner, name=f"Person {n:04d}", company=f"Firm {n % 50}", email=f"p{n}@example.com", **fields)
        for n in range(count)
    ]
    return Contact.objects.bulk_create(rows)


# --- The search endpoint --------------------------------------------------------------------------


def test_it_finds_by_name_company_and_email_most_recently_contacted_first(alice_client, alice):
    ContactFactory(owner=alice, name="Anna Berg", company="Acme", last_contacted_on=_days(-30))
    ContactFactory(owner=alice, name="Annika Lund", company="Volvo", last_contacted_on=_days(-1))
    ContactFactory(owner=alice, name="Hanna Ek", company="Ericsson", last_contacted_on=None)
    ContactFactory(owner=alice, name="Anders Nyman", company="Spotify", last_contacted_on=_days(-1))
    ContactFactory(owner=alice, name="Bo Ström", company="Annex AB", email="bo@example.com")
    ContactFactory(owner=alice, name="Carl Dahl", company="", email="carl@annan.se")
    # Yesterday's two by name, then a month ago; never contacted last, by name.
    assert _names(alice_client, "ann") == ["Annika Lund", "Anna Berg", "Bo Ström", "Carl Dahl", "Hanna Ek"]
    assert _names(alice_client, "an") == [
        "Anders Nyman",
        "Annika Lund",
        "Anna Berg",
        "Bo Ström",
        "Carl Dahl",
        "Hanna Ek",
    ]
    # Every word must match, in any field and any order.
    assert _names(alice_client, "berg  ACME") == ["Anna Berg"]
    assert _names(alice_client, "acme berg") == ["Anna Berg"]
    assert _names(alice_client, "annan.se") == ["Carl Dahl"]


def test_each_result_has_its_id_name_company_and_label(alice_client, alice):
    anna = ContactFactory(owner=alice, name="Anna Berg", company="Acme")
    carl = ContactFactory(owner=alice, name="Carl Dahl", company="", email="carl@example.com")
    dina = ContactFactory(owner=alice, name="Dina", company="", email="")
    rows = {row["id"]: row for row in alice_client.get(SEARCH, {"q": "a"}).json()["results"]}
    assert rows[anna.pk] == {"id": anna.pk, "name": "Anna Berg", "company": "Acme", "label": "Anna Berg · Acme"}
    # Without a company the address tells namesakes apart.
    assert rows[carl.pk]["label"] == "Carl Dahl · carl@example.com"
    assert rows[dina.pk]["label"] == "Dina"


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Åsa Öberg", "åsa öberg"),
        ("Åsa Öberg", "ÅSA"),
        ("Åsa Öberg", "asa oberg"),
        ("Jyväskylän Yliopisto", "JYVÄSKYLÄ"),
        ("Jyväskylän Yliopisto", "jyvaskyla"),
        ("Søren Kjærgaard", "SØREN"),
        ("Søren Kjærgaard", "soren kjaergaard"),
        ("Ærø Færgeri", "aero"),
        ("Ærø Færgeri", "ærø"),
        ("René Müller", "rene muller"),
        ("René Müller", "RENÉ"),
        ("Rene\u0301 Decomposed", "rené"),
        ("Straße 1", "strasse"),
        ("Łukasz Wałęsa", "lukasz walesa"),
        ("Αθήνα Παπαδοπούλου", "ΑΘΗΝΑ"),
        ("Αθήνα Παπαδοπούλου", "αθηνα"),
        ("Дмитрий Иванов", "ДМИТРИЙ"),
        ("Дмитрий Иванов", "иванов"),
        ("李小龍", "小龍"),
        ("Emoji 🚀 Person", "🚀"),
    ],
)
def test_it_matches_in_every_alphabet_whatever_the_case_and_accents(alice_client, alice, stored, typed):
    ContactFactory(owner=alice, name=stored, company="")
    ContactFactory(owner=alice, name="Zed Other", company="")
    assert _names(alice_client, typed) == [stored]


def test_a_word_with_letters_apart_is_not_a_match(alice_client, alice):
    # Folding must not turn "å" into a wildcard: "asa" finds Åsa, but not "Alsa" or "Ossa".
    ContactFactory(owner=alice, name="Alsa Ossa", company="")
    assert _names(alice_client, "åsa") == []


def test_folding_agrees_with_itself():
    assert fold("ÅÄÖ ÆØ Ð Þ ß Σ ς") == "aao aeo d th ss σ σ"
    assert fold(None) is None


@pytest.mark.parametrize("name", ["Ærø", "Straße", "Œuvre", "Þórr", "Ĳssel", "Søren", "Αθήνα", "a-b]^\\x"])
def test_every_folded_spelling_is_found(alice_client, alice, name):
    # Whatever the stored spelling, its own folded form finds it (the regular expression covers
    # each letter folding to one or two letters, and characters special in a regular expression).
    ContactFactory(owner=alice, name=name, company="")
    assert _names(alice_client, fold(name)) == [name]
    assert _names(alice_client, name.upper()) == [name]


def test_it_returns_at_most_ten_results(alice_client, alice):
    _many(alice, 25)
    assert len(_names(alice_client, "person")) == RESULT_LIMIT == 10


def test_it_never_returns_another_members_contacts(alice, charlie):
    ContactFactory(owner=alice, name="Anna Secret", company="Hidden AB", email="anna@secret.example")
    ContactFactory(owner=charlie, name="Anna Charlie's", company="")
    stranger = Client()
    stranger.force_login(charlie)
    for q in ("anna", "secret", "hidden", "secret.example", "a"):
        assert _names(stranger, q) == (["Anna Charlie's"] if q in ("anna", "a") else []), q
    owner = Client()
    owner.force_login(alice)
    assert _names(owner, "anna") == ["Anna Secret"]
    assert [c.name for c in search_contacts(charlie, "secret")] == []


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "\x00"},
        {"q": "\x00anna"},
        {"q": "%"},
        {"q": "_"},
        {"q": "\\"},
        {"q": "' OR 1=1 --"},
        {"q": "<script>alert(1)</script>"},
        {"q": ["anna", "bo"]},
    ],
)
def test_bad_or_empty_queries_find_nothing_without_error(alice_client, alice, params):
    bo = ContactFactory(owner=alice, name="Bo Ek", company="")
    response = alice_client.get(SEARCH, params)
    # A NUL never reaches the view (rookie/middleware.py answers 400); the rest find nothing.
    if "\x00" in params.get("q", ""):
        assert response.status_code == 400
        return
    assert response.status_code == 200
    # Wildcards and quotes are text: nothing is named like them. Of two values the last counts.
    assert response.json()["results"] == (
        [{"id": bo.pk, "name": "Bo Ek", "company": "", "label": "Bo Ek"}] if params.get("q") == ["anna", "bo"] else []
    )


def test_wildcards_are_searched_as_text(alice_client, alice):
    ContactFactory(owner=alice, name="100% Ek", company="")
    ContactFactory(owner=alice, name="1000 Ek", company="")
    assert _names(alice_client, "100%") == ["100% Ek"]


def test_an_over_long_query_is_a_400(alice_client, alice):
    ContactFactory(owner=alice, name="a" * 150, company="")
    assert alice_client.get(SEARCH, {"q": "a" * MAX_QUERY_LENGTH}).status_code == 200
    response = alice_client.get(SEARCH, {"q": "a" * (MAX_QUERY_LENGTH + 1)})
    assert response.status_code == 400
    assert "results" not in response.json()


def test_it_is_never_cached_and_answers_head_like_get(alice_client, alice):
    ContactFactory(owner=alice, name="Anna Berg")
    response = alice_client.get(SEARCH, {"q": "anna"})
    assert response["Content-Type"] == "application/json"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    head = alice_client.head(SEARCH, {"q": "anna"})
    assert head.status_code == 200
    assert head["Content-Type"] == "application/json"
    assert alice_client.post(SEARCH, {"q": "anna"}).status_code == 405


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(SEARCH, {"q": "anna"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("count", [30, 3000])
def test_it_runs_one_query_whatever_the_number_of_contacts(alice_client, alice, django_assert_num_queries, count):
    _many(alice, count, last_contacted_on=_days(-3))
    # 1 session, 2 user, 3 the search itself.
    with django_assert_num_queries(3):
        response = alice_client.get(SEARCH, {"q": "person 00"})
    assert len(response.json()["results"]) == 10


# --- The forms: "Find" without JavaScript ---------------------------------------------------------


def _form_data(**extra):
    return {"kind": "fika", "occurred_on": _days(-1).isoformat(), "notes": "Kaffe på Espresso House", **extra}


def test_find_shows_the_matches_keeps_the_other_fields_and_writes_nothing(alice_client, alice):
    anna = ContactFactory(owner=alice, name="Anna Berg", company="Acme")
    ContactFactory(owner=alice, name="Bo Ek", company="")
    url = reverse("tracker:interaction_add")
    response = alice_client.post(url, _form_data(contact_query="ann", contact_search="1"))
    assert response.status_code == 200
    html = response.content.decode()
    select = re.search(r'<select name="contact" id="id_contact_choice">(.*?)</select>', html, re.S).group(1)
    assert re.findall(r'<option value="(\d+)"', select) == [str(anna.pk)]
    assert "Anna Berg · Acme" in select
    # What was typed is kept, and nothing is reported missing: nothing was submitted yet.
    assert 'value="ann"' in html
    assert "Kaffe på Espresso House" in html
    assert 'value="fika" selected' in html
    assert "errorlist" not in html
    assert not Interaction.objects.exists()

    # Choosing the match and submitting logs it for her.
    response = alice_client.post(url, _form_data(contact_query="ann", contact=str(anna.pk)))
    assert response.status_code == 302
    interaction = Interaction.objects.get()
    assert (interaction.contact, interaction.owner, interaction.notes) == (anna, alice, "Kaffe på Espresso House")


def test_find_says_when_nothing_matches(alice_client, alice):
    ContactFactory(owner=alice, name="Bo Ek")
    response = alice_client.post(
        reverse("tracker:interaction_add"), _form_data(contact_query="zzz", contact_search="1")
    )
    assert response.status_code == 200
    assert "No contacts match “zzz”." in response.content.decode()
    assert '<select name="contact"' not in response.content.decode()


def test_someone_elses_contact_is_a_form_error_and_nothing_is_written(alice_client, alice, charlie):
    theirs = ContactFactory(owner=charlie, name="Charlie's Friend")
    for contact in (str(theirs.pk), "987654321", "abc", "1" * 40, "-1", ""):
        response = alice_client.post(reverse("tracker:interaction_add"), _form_data(contact=contact))
        assert response.status_code == 200, contact
        assert "errorlist" in response.content.decode(), contact
        assert "Charlie&#x27;s Friend" not in response.content.decode()
        response = alice_client.post(
            reverse("tracker:followup_add"), {"title": "Call", "due_date": _days(2).isoformat(), "contact": contact}
        )
        # A follow-up may have no contact at all; any other value must be one of hers.
        assert response.status_code == (302 if contact == "" else 200), contact
    assert not Interaction.objects.exists()
    assert list(FollowUp.objects.values_list("contact", flat=True)) == [None]


def test_a_search_finds_none_of_a_strangers_contacts_in_the_form(alice_client, alice, charlie):
    ContactFactory(owner=charlie, name="Anna Stranger")
    response = alice_client.post(
        reverse("tracker:interaction_add"), _form_data(contact_query="anna", contact_search="1")
    )
    assert "Anna Stranger" not in response.content.decode()


def test_the_follow_up_form_finds_too_and_keeps_where_it_came_from(alice_client, alice):
    anna = ContactFactory(owner=alice, name="Anna Berg")
    url = reverse("tracker:followup_add")
    data = {"title": "Send the slides", "due_date": _days(2).isoformat(), "next": "/en/me/", "contact_query": "berg"}
    response = alice_client.post(url, {**data, "contact_search": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<option value="{anna.pk}">Anna Berg' in html
    # The follow-up may be about no one: that is a choice too.
    assert '<option value="">' in html
    assert 'name="next" value="/en/me/"' in html
    assert "Send the slides" in html
    assert not FollowUp.objects.exists()
    response = alice_client.post(url, {**data, "contact": str(anna.pk)})
    assert response.status_code == 302
    assert response["Location"] == "/en/me/"
    assert FollowUp.objects.get().contact == anna


def test_editing_a_follow_up_shows_its_contact_and_can_change_it(alice_client, alice):
    anna = ContactFactory(owner=alice, name="Anna Berg", company="Acme")
    bo = ContactFactory(owner=alice, name="Bo Ek", company="")
    follow_up = FollowUpFactory(owner=alice, contact=anna, title="Call Anna")
    url = reverse("tracker:followup_edit", args=[follow_up.pk])
    html = alice_client.get(url).content.decode()
    assert f'<option value="{anna.pk}" selected>Anna Berg · Acme</option>' in html
    assert f'value="{bo.pk}"' not in html
    data = {"title": "Call Bo", "due_date": _days(3).isoformat(), "contact_query": "bo"}
    html = alice_client.post(url, {**data, "contact": str(anna.pk), "contact_search": "1"}).content.decode()
    # The current contact stays chosen until another is.
    assert f'<option value="{anna.pk}" selected>' in html
    assert f'<option value="{bo.pk}">Bo Ek' in html
    assert alice_client.post(url, {**data, "contact": str(bo.pk)}).status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.contact, follow_up.title) == (bo, "Call Bo")


def test_a_form_opened_from_a_contacts_page_keeps_the_contact_fixed(alice_client, alice):
    anna = ContactFactory(owner=alice, name="Anna Berg")
    html = alice_client.get(reverse("tracker:interaction_add_for_contact", args=[anna.pk])).content.decode()
    assert "contact_query" not in html
    html = alice_client.get(reverse("tracker:contact_detail", args=[anna.pk])).content.decode()
    # The page's follow-up form offers this contact, chosen, and no search.
    assert f'<option value="{anna.pk}" selected>Anna Berg</option>' in html
    assert "contact_query" not in html


def test_the_field_is_labelled_and_described(alice_client, alice):
    ContactFactory(owner=alice, name="Anna Berg")
    html = alice_client.get(reverse("tracker:interaction_add")).content.decode()
    field = re.search(r'<input type="text" name="contact_query"[^>]*>', html).group(0)
    assert 'id="id_contact"' in field
    assert '<label for="id_contact">Contact' in html
    assert 'aria-describedby="id_contact_helptext"' in field
    assert 'aria-required="true"' in field
    assert re.search(r'<button type="submit" name="contact_search" value="1" formnovalidate[^>]*>Find</button>', html)
    assert re.search(r'<script src="[^"]*/js/contact-picker(\.\w+)?\.js" defer></script>', html)


# --- The dashboard at 3,000 contacts --------------------------------------------------------------


def _dashboard(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(100) as context:
        response = client.get(reverse("tracker:dashboard"))
    assert response.status_code == 200
    return response, len(context.captured_queries)


def test_the_dashboard_lists_no_contacts_and_stays_small(alice_client, alice, django_assert_max_num_queries):
    _many(alice, 30, keep_in_touch_days=30, last_contacted_on=_days(-3))
    _small, queries_at_30 = _dashboard(alice_client, django_assert_max_num_queries)
    _many(alice, 2970, keep_in_touch_days=30, last_contacted_on=_days(-3))
    response, queries_at_3000 = _dashboard(alice_client, django_assert_max_num_queries)
    html = response.content.decode()
    assert queries_at_3000 == queries_at_30
    assert len(response.content) < 60_000, len(response.content)
    assert "Person 2999" not in html
    # Both quick-add forms search instead.
    assert html.count('name="contact_search"') == 2
    assert 'id="qi_contact"' in html and 'id="qf_contact"' in html
