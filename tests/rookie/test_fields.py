import pytest
from django import forms

from accounts.models import User
from rookie.lib.fields import ModelChoiceField, ModelMultipleChoiceField

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["9223372036854775808", "-1", "0", "1e5", "abc", "１２"])
def test_it_refuses_ids_no_column_can_hold(alice, value):
    field = ModelChoiceField(queryset=User.objects.all())
    with pytest.raises(forms.ValidationError):
        field.clean(value)


def test_it_still_finds_a_real_id(alice):
    assert ModelChoiceField(queryset=User.objects.all()).clean(str(alice.pk)) == alice
    assert list(ModelMultipleChoiceField(queryset=User.objects.all()).clean([str(alice.pk)])) == [alice]


def test_the_multiple_field_refuses_a_huge_id_among_good_ones(alice):
    with pytest.raises(forms.ValidationError):
        ModelMultipleChoiceField(queryset=User.objects.all()).clean([str(alice.pk), "9223372036854775808"])
