"""The fifth criterion's label says what a high score means: "Worth the cost and time", not "Cost
and time" (beside "5.0 of 5" the old label read as "very expensive").

Labels are data that editors may improve in the admin, so each language's label changes only where
it is still the text 0004 seeded; an edited label is left alone. Going back restores the old texts
the same way.
"""

from django.db import migrations

KEY = "resources"
OLD = {
    "en": "Cost and time",
    "sv": "Kostnad och tid",
    "da": "Pris og tid",
    "fi": "Kustannukset ja aika",
}
NEW = {
    "en": "Worth the cost and time",
    "sv": "Värt kostnaden och tiden",
    "da": "Prisen og tiden værd",
    "fi": "Hinnan ja ajan arvoinen",
}
DEFAULT_LANGUAGE = "en"  # the untranslated `label` column holds it, as modeltranslation expects


def _relabel(apps, before, after):
    Criterion = apps.get_model("networks", "Criterion")
    criterion = Criterion.objects.filter(key=KEY).first()
    if criterion is None:
        return
    changed = []
    for code, text in before.items():
        if getattr(criterion, f"label_{code}") == text:
            setattr(criterion, f"label_{code}", after[code])
            changed.append(f"label_{code}")
    if criterion.label == before[DEFAULT_LANGUAGE]:
        criterion.label = after[DEFAULT_LANGUAGE]
        changed.append("label")
    if changed:
        criterion.save(update_fields=changed)


def forwards(apps, schema_editor):
    _relabel(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _relabel(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0012_network_logo"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
