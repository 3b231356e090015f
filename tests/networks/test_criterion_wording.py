"""The fifth criterion reads so that a high score is good: "Worth the cost and time: 5.0 of 5", not
"Cost and time: 5.0 of 5" (which read as "very expensive"). Labels are data, so a data migration
(0013) renames them in existing databases, leaving an editor's own wording alone."""

import importlib

import pytest
from django.apps import apps

from networks.models import Criterion
from tests.factories import NetworkFactory, evaluate

pytestmark = pytest.mark.django_db

relabel = importlib.import_module("networks.migrations.0013_criterion_resources_label")

LABELS = {
    "en": "Worth the cost and time",
    "sv": "Värt kostnaden och tiden",
    "da": "Prisen og tiden værd",
    "fi": "Hinnan ja ajan arvoinen",
}


@pytest.mark.parametrize(("language", "label"), LABELS.items())
def test_it_names_the_criterion_by_what_a_high_score_means(language, label):
    criterion = Criterion.objects.get(key="resources")
    assert getattr(criterion, f"label_{language}") == label
    assert relabel.NEW[language] == label


@pytest.mark.parametrize(("language", "label"), LABELS.items())
def test_it_shows_the_label_beside_the_score_on_the_pages(client, charlie, language, label):
    network = NetworkFactory(slug="worth-it")
    other = NetworkFactory(slug="other")
    evaluate(charlie, network, [3, 3, 3, 3, 5])
    for path in (f"/{language}/networks/worth-it/", f"/{language}/networks/compare/?n=worth-it&n={other.slug}"):
        html = client.get(path).content.decode()
        assert label in html, path
        assert relabel.OLD[language] not in html, path


def test_it_renames_the_old_labels_of_an_existing_database_and_back():
    criterion = Criterion.objects.get(key="resources")
    for code, text in relabel.OLD.items():
        setattr(criterion, f"label_{code}", text)
    criterion.label = relabel.OLD["en"]
    criterion.save()

    relabel.forwards(apps, None)
    criterion.refresh_from_db()
    assert {code: getattr(criterion, f"label_{code}") for code in LABELS} == LABELS
    assert criterion.label == LABELS["en"]

    relabel.backwards(apps, None)
    criterion.refresh_from_db()
    assert {code: getattr(criterion, f"label_{code}") for code in LABELS} == relabel.OLD


def test_it_keeps_a_label_an_editor_has_changed():
    criterion = Criterion.objects.get(key="resources")
    criterion.label_en = relabel.OLD["en"]
    criterion.label_sv = "Värt pengarna och kvällarna"
    criterion.save()
    relabel.forwards(apps, None)
    criterion.refresh_from_db()
    assert criterion.label_en == LABELS["en"]
    assert criterion.label_sv == "Värt pengarna och kvällarna"


def test_it_does_nothing_without_the_criterion():
    Criterion.objects.filter(key="resources").delete()
    relabel.forwards(apps, None)
    assert not Criterion.objects.filter(key="resources").exists()
