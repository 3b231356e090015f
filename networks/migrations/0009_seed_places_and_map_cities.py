"""Seed the Nordic cities with their names in en, sv, da and fi, and point every network at the
place its old city text names.

Names are as each language writes them: an exonym where the language has one in use (Swedish
"Köpenhamn", "Helsingfors", "Åbo"; Finnish "Tukholma", "Kööpenhamina", "Uumaja"; Danish
"København", "Helsingfors", "Malmø"), the city's own name otherwise. `other_names` holds what the
search should also find but no page shows: older spellings ("Århus", "Gøteborg") and the names
typed without Nordic letters ("Malmo", "Kobenhavn").

Mapping: a city text matches a place when it equals, ignoring case, any of the place's names or
other spellings, preferring a place in the network's own country. A text that matches nothing
becomes a new place with that name in every language (and the network's country), so nothing is
lost; editors translate it in the admin. In Python, not SQL, so SQLite and PostgreSQL fold case
the same way. Reversed, each network's city text is written back in the country's own language.
"""

from django.db import migrations

# (country, en, sv, da, fi, other spellings)
PLACES = [
    ("SE", "Stockholm", "Stockholm", "Stockholm", "Tukholma", ""),
    ("SE", "Gothenburg", "Göteborg", "Göteborg", "Göteborg", "Gøteborg, Goteborg"),
    ("SE", "Malmö", "Malmö", "Malmø", "Malmö", "Malmo"),
    ("SE", "Uppsala", "Uppsala", "Uppsala", "Uppsala", "Upsala"),
    ("SE", "Lund", "Lund", "Lund", "Lund", ""),
    ("SE", "Linköping", "Linköping", "Linköping", "Linköping", "Linkoping"),
    ("SE", "Umeå", "Umeå", "Umeå", "Uumaja", "Umea"),
    ("SE", "Örebro", "Örebro", "Örebro", "Örebro", "Orebro"),
    ("SE", "Västerås", "Västerås", "Västerås", "Västerås", "Vasteras"),
    ("SE", "Helsingborg", "Helsingborg", "Helsingborg", "Helsingborg", "Hälsingborg"),
    ("SE", "Jönköping", "Jönköping", "Jönköping", "Jönköping", "Jonkoping"),
    ("SE", "Norrköping", "Norrköping", "Norrköping", "Norrköping", "Norrkoping"),
    ("SE", "Luleå", "Luleå", "Luleå", "Luulaja", "Lulea"),
    ("SE", "Karlstad", "Karlstad", "Karlstad", "Karlstad", ""),
    ("SE", "Växjö", "Växjö", "Växjö", "Växjö", "Vaxjo"),
    ("SE", "Sundsvall", "Sundsvall", "Sundsvall", "Sundsvall", ""),
    ("SE", "Gävle", "Gävle", "Gävle", "Gävle", "Gavle"),
    ("DK", "Copenhagen", "Köpenhamn", "København", "Kööpenhamina", "Kobenhavn, Koebenhavn"),
    ("DK", "Aarhus", "Aarhus", "Aarhus", "Aarhus", "Århus, Arhus"),
    ("DK", "Odense", "Odense", "Odense", "Odense", ""),
    ("DK", "Aalborg", "Aalborg", "Aalborg", "Aalborg", "Ålborg"),
    ("DK", "Esbjerg", "Esbjerg", "Esbjerg", "Esbjerg", ""),
    ("DK", "Roskilde", "Roskilde", "Roskilde", "Roskilde", ""),
    ("DK", "Kolding", "Kolding", "Kolding", "Kolding", ""),
    ("FI", "Helsinki", "Helsingfors", "Helsingfors", "Helsinki", ""),
    ("FI", "Espoo", "Esbo", "Espoo", "Espoo", ""),
    ("FI", "Vantaa", "Vanda", "Vantaa", "Vantaa", ""),
    ("FI", "Tampere", "Tammerfors", "Tampere", "Tampere", ""),
    ("FI", "Turku", "Åbo", "Turku", "Turku", ""),
    ("FI", "Oulu", "Uleåborg", "Oulu", "Oulu", ""),
    ("FI", "Vaasa", "Vasa", "Vaasa", "Vaasa", ""),
    ("FI", "Jyväskylä", "Jyväskylä", "Jyväskylä", "Jyväskylä", "Jyvaskyla"),
    ("FI", "Lahti", "Lahtis", "Lahti", "Lahti", ""),
    ("FI", "Kuopio", "Kuopio", "Kuopio", "Kuopio", ""),
    ("NO", "Oslo", "Oslo", "Oslo", "Oslo", ""),
    ("NO", "Bergen", "Bergen", "Bergen", "Bergen", ""),
    ("NO", "Trondheim", "Trondheim", "Trondheim", "Trondheim", "Trondhjem"),
    ("NO", "Stavanger", "Stavanger", "Stavanger", "Stavanger", ""),
    ("NO", "Tromsø", "Tromsø", "Tromsø", "Tromssa", "Tromsö, Tromso"),
    ("IS", "Reykjavík", "Reykjavik", "Reykjavik", "Reykjavík", "Reykjavik"),
]
LANGUAGES = ("en", "sv", "da", "fi")
# The language a city text was most likely written in, for the way back.
COUNTRY_LANGUAGE = {"SE": "sv", "DK": "da", "FI": "fi"}


def _fold(text):
    return " ".join((text or "").split()).casefold()


def _names(place):
    names = [getattr(place, f"name_{code}") for code in LANGUAGES] + place.other_names.split(",")
    return {_fold(name) for name in names} - {""}


def seed_places(apps, schema_editor):
    Place = apps.get_model("networks", "Place")
    db = schema_editor.connection.alias
    for country, en, sv, da, fi, other_names in PLACES:
        Place.objects.using(db).get_or_create(
            country=country,
            name_en=en,
            defaults={"name": en, "name_sv": sv, "name_da": da, "name_fi": fi, "other_names": other_names},
        )


def choose_place(candidates, country):
    """Of the places whose names match, the one in `country`; any, when the network has no country;
    None when all are elsewhere (a town of the same name in another country is another place)."""
    for place in candidates:
        if place.country == country:
            return place
    if not country and candidates:
        return candidates[0]
    return None


def map_cities(apps, schema_editor):
    Place = apps.get_model("networks", "Place")
    Network = apps.get_model("networks", "Network")
    db = schema_editor.connection.alias
    by_name = {}
    for place in Place.objects.using(db).order_by("country", "pk"):
        for name in _names(place):
            by_name.setdefault(name, []).append(place)
    networks = Network.objects.using(db).exclude(city_name="").only("pk", "city_name", "country").order_by("pk")
    for network in networks:
        name = " ".join(network.city_name.split())
        if not name:
            continue
        place = choose_place(by_name.get(_fold(name), []), network.country)
        if place is None:
            place = Place.objects.using(db).create(
                name=name, name_en=name, name_sv=name, name_da=name, name_fi=name, country=network.country
            )
            by_name.setdefault(_fold(name), []).append(place)
        Network.objects.using(db).filter(pk=network.pk).update(city=place)


def unmap_cities(apps, schema_editor):
    Network = apps.get_model("networks", "Network")
    db = schema_editor.connection.alias
    for network in Network.objects.using(db).exclude(city=None).select_related("city").order_by("pk"):
        place = network.city
        language = COUNTRY_LANGUAGE.get(place.country, "en")
        name = getattr(place, f"name_{language}") or place.name_en or place.name
        Network.objects.using(db).filter(pk=network.pk).update(city_name=name[:100], city=None)


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0008_place"),
    ]

    operations = [
        # The places stay on the way back: 0008's reverse drops their table.
        migrations.RunPython(seed_places, migrations.RunPython.noop),
        migrations.RunPython(map_cities, unmap_cities),
    ]
