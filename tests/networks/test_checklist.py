"""The checklist as data: five criteria seeded in en, sv, da, fi by a data migration."""

from pathlib import Path

import pytest
from django.utils import translation

from networks.models import Criterion

pytestmark = pytest.mark.django_db

ESSAY = Path("/work/shared/seeds")


def test_it_seeds_the_five_criteria_in_order():
    assert list(Criterion.objects.values_list("key", flat=True)) == ["needs", "purpose", "goals", "people", "resources"]


@pytest.mark.parametrize("language", ["en", "sv", "da", "fi"])
def test_it_has_every_text_in_every_language(language):
    for criterion in Criterion.objects.all():
        for field in ("label", "question", "help_text"):
            assert getattr(criterion, f"{field}_{language}"), (criterion.key, field, language)


def test_it_has_texts_that_differ_between_languages():
    for criterion in Criterion.objects.all():
        assert len({criterion.question_en, criterion.question_sv, criterion.question_da, criterion.question_fi}) == 4


def test_it_writes_its_own_sentences_rather_than_the_essays():
    essay = " ".join(path.read_text(encoding="utf-8") for path in sorted(ESSAY.glob("002_*.txt"))).lower()
    for criterion in Criterion.objects.all():
        for text in (criterion.question_sv, criterion.help_text_sv, criterion.label_sv):
            for sentence in text.lower().split(". "):
                assert sentence.strip(" .?") not in essay or len(sentence) < 25, sentence


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "Does this network meet my professional needs?"),
        ("sv", "Motsvarar nätverket mina professionella behov?"),
        ("da", "Dækker netværket mine faglige behov?"),
        ("fi", "Vastaako verkosto ammatillisia tarpeitani?"),
    ],
)
def test_it_shows_the_checklist_page_in_each_language(client, language, question):
    translation.activate(language)
    response = client.get(f"/{language}/networks/checklist/")
    assert response.status_code == 200
    assert question in response.content.decode()
