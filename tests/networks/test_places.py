"""Places in four languages: a city's name and its country's as the reader writes them, found by any
of its names, a country filter in the catalogue, and the migration that turned city texts into
places."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from accounts.roles import EDITORS_GROUP
from networks.models import Network, Place, countries_named, country_name, place_named, sort_key
from tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "sv", "da", "fi"]
PROBE = Path(__file__).with_name("places_migration_probe.py")


def _place(name_en, country=None):
    places = Place.objects.filter(name_en=name_en)
    return places.get(country=country) if country else places.get()


def _names(response):
    assert response.status_code == 200
    return sorted(network.name for network in response.context["page_obj"])


@pytest.fixture
def nordic(db):
    """One network in each of four cities, named the way their own country writes them."""
    return {
        "goteborg": NetworkFactory(name="Västkust Tech", city="Göteborg", country="SE"),
        "copenhagen": NetworkFactory(name="Øresund Founders", city="København", country="DK"),
        "helsinki": NetworkFactory(name="Kahvi & Ura", city="Helsinki", country="FI"),
        "online": NetworkFactory(name="Nordic Remote", city="", country=""),
    }


# --- Names in each language ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name_en", "expected"),
    [
        ("Stockholm", {"en": "Stockholm", "sv": "Stockholm", "da": "Stockholm", "fi": "Tukholma"}),
        ("Gothenburg", {"en": "Gothenburg", "sv": "Göteborg", "da": "Göteborg", "fi": "Göteborg"}),
        ("Copenhagen", {"en": "Copenhagen", "sv": "Köpenhamn", "da": "København", "fi": "Kööpenhamina"}),
        ("Helsinki", {"en": "Helsinki", "sv": "Helsingfors", "da": "Helsingfors", "fi": "Helsinki"}),
        ("Turku", {"en": "Turku", "sv": "Åbo", "da": "Turku", "fi": "Turku"}),
        ("Tampere", {"en": "Tampere", "sv": "Tammerfors", "da": "Tampere", "fi": "Tampere"}),
        ("Espoo", {"en": "Espoo", "sv": "Esbo", "da": "Espoo", "fi": "Espoo"}),
        ("Oulu", {"en": "Oulu", "sv": "Uleåborg", "da": "Oulu", "fi": "Oulu"}),
        ("Vaasa", {"en": "Vaasa", "sv": "Vasa", "da": "Vaasa", "fi": "Vaasa"}),
        ("Umeå", {"en": "Umeå", "sv": "Umeå", "da": "Umeå", "fi": "Uumaja"}),
        ("Malmö", {"en": "Malmö", "sv": "Malmö", "da": "Malmø", "fi": "Malmö"}),
    ],
)
def test_it_names_a_seeded_city_as_each_language_writes_it(name_en, expected):
    place = _place(name_en)
    for code, name in expected.items():
        with translation.override(code):
            assert str(place) == name, code


def test_it_seeds_the_nordic_cities_the_catalogue_needs():
    needed = {
        "SE": {"Stockholm", "Gothenburg", "Malmö", "Uppsala", "Lund", "Linköping", "Umeå", "Örebro", "Västerås"},
        "DK": {"Copenhagen", "Aarhus", "Odense", "Aalborg"},
        "FI": {"Helsinki", "Espoo", "Tampere", "Turku", "Oulu", "Vaasa", "Jyväskylä"},
        "NO": {"Oslo", "Bergen", "Trondheim"},  # the demo has a network in Oslo
    }
    for country, names in needed.items():
        assert names <= set(Place.objects.filter(country=country).values_list("name_en", flat=True)), country
    # Every seeded place has a name in every language.
    for code in LANGUAGES:
        assert not Place.objects.filter(**{f"name_{code}__in": ["", None]}).exists(), code


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "Copenhagen, Denmark"),
        ("sv", "Köpenhamn, Danmark"),
        ("da", "København, Danmark"),
        ("fi", "Kööpenhamina, Tanska"),
    ],
)
def test_it_shows_city_and_country_in_the_readers_language(client, nordic, code, expected):
    network = nordic["copenhagen"]
    with translation.override(code):
        assert network.place == expected
    for url in (f"/{code}/networks/", f"/{code}/networks/{network.slug}/"):
        html = client.get(url).content.decode()
        assert expected in html, url
        others = {"Copenhagen", "Köpenhamn", "København", "Kööpenhamina"} - {expected.split(",")[0]}
        assert not any(f"{other}, " in html for other in others), url


def test_it_names_the_country_alone_for_a_network_without_a_city(nordic):
    network = NetworkFactory(city="", country="FI")
    with translation.override("sv"):
        assert network.place == "Finland"
    with translation.override("fi"):
        assert network.place == "Suomi"
        assert nordic["online"].place == ""


def test_it_names_countries_from_cldr_in_each_language():
    assert [country_name("SE", code) for code in LANGUAGES] == ["Sweden", "Sverige", "Sverige", "Ruotsi"]
    assert [country_name("DK", code) for code in LANGUAGES] == ["Denmark", "Danmark", "Danmark", "Tanska"]
    with translation.override("fi"):
        assert country_name("NO") == "Norja"
    assert country_name("") == ""


# --- Places as a table ---------------------------------------------------------------------------


def test_it_refuses_a_country_outside_the_nordic_set():
    with pytest.raises(IntegrityError), transaction.atomic():
        Place.objects.create(name="Berlin", name_en="Berlin", country="DE")


def test_it_refuses_the_same_english_name_twice_in_one_country():
    with pytest.raises(IntegrityError), transaction.atomic():
        Place.objects.create(name="Lund", name_en="Lund", country="SE")
    # Another country may have a town of that name.
    Place.objects.create(name="Lund", name_en="Lund", country="DK")


def test_it_finds_a_place_by_any_name_in_any_case():
    gothenburg = _place("Gothenburg")
    for name in ("Gothenburg", "göteborg", "GÖTEBORG", "Gøteborg", " Goteborg "):
        assert Place.objects.named(name) == gothenburg, name
    assert Place.objects.named("Göteborg", "DK") is None
    assert Place.objects.named("Göte") is None  # a name, not a part of one


def test_a_city_given_as_text_is_the_seeded_place_or_a_new_one_in_the_networks_country():
    assert NetworkFactory(city="Köpenhamn", country="DK").city == _place("Copenhagen")
    assert NetworkFactory(city="ÅBO", country="FI").city == _place("Turku")
    lund_dk = NetworkFactory(city="Lund", country="DK").city
    assert lund_dk != _place("Lund", "SE") and lund_dk.country == "DK"
    new = NetworkFactory(city="Ærøskøbing", country="DK").city
    assert [getattr(new, f"name_{code}") for code in LANGUAGES] == ["Ærøskøbing"] * 4
    assert NetworkFactory(city="ærøskøbing", country="DK").city == new  # not added twice
    assert NetworkFactory(city="   ", country="").city is None
    assert place_named("", "SE") is None


def test_it_refuses_a_city_in_another_country_than_the_networks():
    network = NetworkFactory(city="Oslo", country="NO")
    network.country = "SE"
    with pytest.raises(ValidationError) as refused:
        network.full_clean()
    assert "city" in refused.value.message_dict


# --- Search --------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Gothenburg", ["Västkust Tech"]),
        ("Göteborg", ["Västkust Tech"]),
        ("gøteborg", ["Västkust Tech"]),
        ("Copenhagen", ["Øresund Founders"]),
        ("Kööpenhamina", ["Øresund Founders"]),
        ("köpenhamn", ["Øresund Founders"]),
        ("KØBENHAVN", ["Øresund Founders"]),
        ("Helsingfors", ["Kahvi & Ura"]),
        ("Ruotsi", ["Västkust Tech"]),
        ("Tanska", ["Øresund Founders"]),
        ("Suomi", ["Kahvi & Ura"]),
        ("Sverige", ["Västkust Tech"]),
        ("land", []),  # not every network in Finland: country names match from a word's start
    ],
)
def test_it_finds_networks_by_any_name_of_their_city_or_country_in_every_language(
    client, nordic, code, query, expected
):
    assert _names(client.get(f"/{code}/networks/", {"q": query})) == expected


# --- The country filter --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "SE"}, ["Västkust Tech"]),
        ({"country": "DK"}, ["Øresund Founders"]),
        ({"country": "NO"}, []),
        ({"country": "FI", "kind": "meetup"}, ["Kahvi & Ura"]),
        ({"country": "FI", "kind": "alumni"}, []),
        ({"country": "DK", "q": "founders"}, ["Øresund Founders"]),
        ({"country": "SE", "q": "Kööpenhamina"}, []),
    ],
)
def test_it_filters_by_country_with_the_other_filters(client, nordic, query, expected):
    assert _names(client.get("/en/networks/", query)) == expected


def test_the_country_filter_takes_a_network_whose_city_is_there(client, nordic):
    # Run from Copenhagen across the Nordics (no one country): still found under Denmark.
    NetworkFactory(name="Nordic Design Forum", city="København", country="")
    assert _names(client.get("/en/networks/", {"country": "DK"})) == ["Nordic Design Forum", "Øresund Founders"]


@pytest.mark.parametrize("value", ["XX", "se", "DE", "S", "SE" * 100, "²", "\u200bSE"])
def test_it_ignores_a_country_it_does_not_know(client, nordic, value):
    response = client.get("/en/networks/", {"country": value, "kind": "meetup"})
    assert response.status_code == 200
    assert _names(response) == ["Kahvi & Ura", "Nordic Remote", "Västkust Tech", "Øresund Founders"]
    assert "country" in response.context["form"].errors


@pytest.mark.parametrize(
    ("code", "sweden", "denmark"),
    [
        ("en", "Sweden", "Denmark"),
        ("sv", "Sverige", "Danmark"),
        ("da", "Sverige", "Danmark"),
        ("fi", "Ruotsi", "Tanska"),
    ],
)
def test_it_offers_countries_and_cities_in_the_readers_language(client, nordic, code, sweden, denmark):
    response = client.get(f"/{code}/networks/")
    form = response.context["form"]
    countries = dict(form.fields["country"].choices)
    assert countries["SE"] == sweden and countries["DK"] == denmark
    cities = dict(form.fields["city"].choices[1:])  # {country name: [(id, city name)]}
    copenhagen = _place("Copenhagen")
    with translation.override(code):
        assert cities[denmark] == [(str(copenhagen.pk), str(copenhagen))]
    html = response.content.decode()
    assert f'<optgroup label="{denmark}">' in html


def test_it_filters_by_city_in_any_language(client, nordic):
    city = nordic["helsinki"].city_id
    for code in LANGUAGES:
        assert _names(client.get(f"/{code}/networks/", {"city": city})) == ["Kahvi & Ura"]


def test_it_sorts_countries_and_cities_in_the_readers_alphabet():
    assert sorted(["Örebro", "Åbo", "Ängelholm"], key=lambda name: sort_key(name, "sv")) == [
        "Åbo",
        "Ängelholm",
        "Örebro",
    ]
    assert sorted(["Åbo", "Ølstykke", "Ærø"], key=lambda name: sort_key(name, "da")) == ["Ærø", "Ølstykke", "Åbo"]


def test_countries_named_matches_the_start_of_a_word_in_any_language():
    assert countries_named("ruotsi") == ["SE"]
    assert countries_named("Dan") == ["DK"]
    assert countries_named("Norja") == ["NO"]
    assert countries_named("d") == []
    assert countries_named("and") == []


# --- Query counts --------------------------------------------------------------------------------

# As tests/networks/test_queries.py, with nothing kept yet in the reader's language: 1. the cities
# for the filter  2. count  3. the page's ranking  4. the page's networks for their cards.
CATALOGUE_ANONYMOUS = 4


@pytest.mark.parametrize("count", [3, 30])
def test_the_catalogue_shows_places_in_fixed_queries(client, django_assert_num_queries, count):
    cities = ["Göteborg", "København", "Helsinki", "Oslo", "Lund", "Turku", "Aarhus"]
    countries = {"Göteborg": "SE", "Lund": "SE", "København": "DK", "Aarhus": "DK", "Oslo": "NO"}
    for number in range(count):
        city = cities[number % len(cities)]
        NetworkFactory(city=city, country=countries.get(city, "FI"))
    for url in ("/fi/networks/", "/sv/networks/?q=Kööpenhamina&country=DK", "/en/networks/?country=FI&sort=name"):
        with django_assert_num_queries(CATALOGUE_ANONYMOUS):
            response = client.get(url)
        assert response.status_code == 200


# --- Suggesting a network ------------------------------------------------------------------------

SUGGESTION = {
    "name": "Robotics Meetup",
    "summary": "Robot builders meet once a month.",
    "kind": "meetup",
    "scope": "local",
    "languages": ["sv"],
    "formality": "informal",
    "fee_amount": "0",
    "fee_currency": "SEK",
    "fee_period": "year",
}


def test_a_suggested_city_in_any_language_is_the_seeded_place(alice_client):
    response = alice_client.post("/en/networks/suggest/", {**SUGGESTION, "city": "Gothenburg", "country": ""})
    assert response.status_code == 302
    assert Network.objects.get().city == _place("Gothenburg")


def test_a_suggested_new_city_is_added_in_the_chosen_country(alice_client):
    places = Place.objects.count()
    response = alice_client.post("/en/networks/suggest/", {**SUGGESTION, "city": "Ærøskøbing", "country": "DK"})
    assert response.status_code == 302
    city = Network.objects.get().city
    assert (city.name_da, city.name_en, city.country) == ("Ærøskøbing", "Ærøskøbing", "DK")
    assert Place.objects.count() == places + 1


def test_a_suggested_new_city_without_a_country_asks_for_one(alice_client):
    places = Place.objects.count()
    response = alice_client.post("/en/networks/suggest/", {**SUGGESTION, "city": "Ærøskøbing", "country": ""})
    assert response.status_code == 200
    assert "city" in response.context["form"].errors
    assert not Network.objects.exists() and Place.objects.count() == places


# --- Admin ---------------------------------------------------------------------------------------


def test_editors_may_view_add_and_change_places_but_not_delete_them(editor_client):
    codenames = set(Group.objects.get(name=EDITORS_GROUP).permissions.values_list("codename", flat=True))
    assert {"view_place", "add_place", "change_place"} <= codenames
    assert "delete_place" not in codenames
    response = editor_client.get("/admin/networks/place/add/")
    assert response.status_code == 200
    for code in LANGUAGES:
        assert f'name="name_{code}"' in response.content.decode()
    assert editor_client.get("/admin/networks/place/", {"q": "tammerfors"}).context["cl"].result_count == 1


def test_the_network_form_finds_a_city_by_any_name(editor_client, nordic):
    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "networks", "model_name": "network", "field_name": "city", "term": "kööpenh"},
    )
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [str(_place("Copenhagen").pk)]
    change = editor_client.get(f"/admin/networks/network/{nordic['copenhagen'].pk}/change/")
    assert change.status_code == 200


# --- The migration -------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_migration_maps_city_texts_to_places_and_back(tmp_path):
    """On a fresh SQLite file (the probe also runs on PostgreSQL: DATABASE_URL)."""
    env = {**os.environ, "SQLITE_NAME": str(tmp_path / "migration.sqlite3")}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, str(PROBE)], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    forward = found["forward"]
    assert forward["n0"] == ["Gothenburg", "Göteborg", "SE"]  # "göteborg"
    assert forward["n1"] == forward["n2"] == ["Copenhagen", "Kööpenhamina", "DK"]  # "COPENHAGEN", "Kööpenhamina"
    assert forward["n3"] == ["Helsinki", "Helsinki", "FI"]  # "Helsingfors"
    assert forward["n4"] == ["Turku", "Turku", "FI"]  # "  Åbo "
    # Unknown texts become one place each, in the network's country; nothing is lost.
    assert forward["n5"] == forward["n6"] == ["Ærøskøbing", "Ærøskøbing", "DK"]
    assert forward["n7"] == ["Nowhere Town", "Nowhere Town", ""]
    assert forward["n8"] == ["Lund", "Lund", "DK"]  # Lund in Denmark is not Lund in Sweden
    assert forward["n9"] == ["Lund", "Lund", "SE"]  # no country: the known Lund
    assert forward["n10"] is None and forward["n11"] is None
    seeded = Place.objects.count()  # this test database: the seeded places only
    assert found["places"] == seeded + 3  # Ærøskøbing, Nowhere Town, Lund (DK)
    # Back: the city text in the country's own language.
    assert found["backward"] == {
        "n0": "Göteborg",
        "n1": "København",
        "n2": "København",
        "n3": "Helsinki",
        "n4": "Turku",
        "n5": "Ærøskøbing",
        "n6": "Ærøskøbing",
        "n7": "Nowhere Town",
        "n8": "Lund",
        "n9": "Lund",
        "n10": "",
        "n11": "",
    }


@pytest.mark.parametrize(
    ("language", "phrase"),
    [
        ("en", "In person, online or video"),
        ("sv", "På plats, online eller via video"),
        ("fi", "Kasvokkain, verkossa tai videolla"),
    ],
)
def test_how_members_meet_reads_as_one_phrase(language, phrase):
    # Only the first item is capitalised: "På plats, online eller via video", not "På plats, Online…".
    network = NetworkFactory(meets_in_person=True, meets_online=True, meets_phone_email=False, meets_social_media=False)
    with translation.override(language):
        assert ", ".join(network.meeting_modes) == phrase
