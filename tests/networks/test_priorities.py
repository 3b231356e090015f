"""What matters to me: weights 0–5 per criterion."""

import pytest

from networks.models import Priority

pytestmark = pytest.mark.django_db

URL = "/en/networks/priorities/"


def _post(criteria, weights, **extra):
    data = {f"weight_{criterion.key}": str(weight) for criterion, weight in zip(criteria, weights, strict=True)}
    data.update(extra)
    return data


def test_it_starts_every_criterion_at_the_default_weight(alice_client, criteria):
    form = alice_client.get(URL).context["form"]
    assert [form[f"weight_{criterion.key}"].value() for criterion in criteria] == [3] * 5
    assert alice_client.get(URL).content.decode().count('type="radio"') == 30


def test_it_saves_and_then_updates_the_weights(alice_client, alice, criteria):
    assert alice_client.post(URL, _post(criteria, [5, 4, 3, 2, 0])).status_code == 302
    assert alice_client.post(URL, _post(criteria, [1, 1, 1, 1, 1])).status_code == 302
    assert list(Priority.objects.filter(member=alice).values_list("weight", flat=True)) == [1] * 5
    form = alice_client.get(URL).context["form"]
    assert form["weight_needs"].value() == 1


@pytest.mark.parametrize("bad", ["6", "-1", "abc", "", "2.5"])
def test_it_refuses_a_bad_weight_and_writes_nothing(alice_client, criteria, bad):
    response = alice_client.post(URL, _post(criteria, [bad, 3, 3, 3, 3]))
    assert response.status_code == 200
    assert "weight_needs" in response.context["form"].errors
    assert not Priority.objects.exists()


def test_it_keeps_members_apart(alice_client, alice, charlie, criteria):
    Priority.objects.create(member=charlie, criterion=criteria[0], weight=0)
    alice_client.post(URL, _post(criteria, [5, 5, 5, 5, 5]))
    assert Priority.objects.get(member=charlie).weight == 0
