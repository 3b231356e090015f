"""Fill the missing names of existing categories that Rookie knows in every language
(articles/category_names.py), e.g. "Karriärutveckling", created by an import in Swedish only,
gets its English, Danish and Finnish names and slugs. Names an editor wrote are kept; a slug
another category already uses is left empty (the name still shows)."""

from django.db import migrations
from django.db.models import Q
from django.utils.text import slugify

LANGUAGES = ("en", "sv", "da", "fi")
# A copy, not an import: a migration must keep doing what it did when it was written.
KNOWN = (
    {"en": "Career development", "sv": "Karriärutveckling", "da": "Karriereudvikling", "fi": "Urakehitys"},
    {"en": "Career tips", "sv": "Karriärtips", "da": "Karrieretips", "fi": "Uravinkit"},
    {"en": "Careers", "sv": "Karriär", "da": "Karriere", "fi": "Ura"},
    {"en": "Networking", "sv": "Nätverkande", "da": "Netværk", "fi": "Verkostoituminen"},
    {
        "en": "Networking basics",
        "sv": "Grunderna i nätverkande",
        "da": "Det grundlæggende om netværk",
        "fi": "Verkostoitumisen perusteet",
    },
)
_NORDIC = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "å": "a", "Å": "A", "ä": "a", "Ä": "A",
                         "ö": "o", "Ö": "O", "ü": "u", "Ü": "U", "ß": "ss"})  # fmt: skip


def _row_for(category):
    names = {(getattr(category, f"name_{code}") or "").strip().casefold() for code in LANGUAGES} - {""}
    for row in KNOWN:
        if names & {value.casefold() for value in row.values()}:
            return row
    return None


def fill_names(apps, schema_editor):
    Category = apps.get_model("articles", "Category")
    for category in Category.objects.all():
        row = _row_for(category)
        if row is None:
            continue
        changed = []
        for code in LANGUAGES:
            if getattr(category, f"name_{code}"):
                continue
            setattr(category, f"name_{code}", row[code])
            changed.append(f"name_{code}")
            slug = slugify(row[code].translate(_NORDIC))[:100]
            taken = Category.objects.exclude(pk=category.pk).filter(
                Q(*[Q(**{f"slug_{other}": slug}) for other in LANGUAGES], _connector=Q.OR)
            )
            if not getattr(category, f"slug_{code}") and not taken.exists():
                setattr(category, f"slug_{code}", slug)
                changed.append(f"slug_{code}")
        if changed:
            category.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_article_body_html")]

    operations = [migrations.RunPython(fill_names, migrations.RunPython.noop)]
