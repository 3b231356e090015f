"""rookie.lib.widgets: FastSelect writes what Django's Select writes, only faster; FixedChoices are
taken and validated like the list they hold, without being copied."""

import re

import pytest
from django import forms

from rookie.lib.widgets import FastSelect, FixedChoices


def _normalised(html):
    return re.sub(r">\s+<", "><", str(html)).strip()


@pytest.mark.parametrize(
    ("choices", "value", "attrs"),
    [
        ([("", "---"), (1, "Anna"), (2, "Bo & <Co>"), (3, 'Quote "me"')], 2, {"required": True, "id": "id_contact"}),
        ([("", "---"), (1, "Anna")], None, {"disabled": False, "data-x": 'a"b'}),
        ([("Friends", [(1, "Anna"), (2, "Bo")]), (3, "Cai")], 3, {}),
        ([(1, "Anna"), (2, "Bo")], "1", {"class": "picker"}),
    ],
)
def test_it_renders_like_djangos_select(choices, value, attrs):
    django_select = forms.Select(attrs=attrs, choices=choices)
    fast = FastSelect(attrs=attrs, choices=choices)
    expected = _normalised(django_select.render("contact", value))
    assert _normalised(fast.render("contact", value)) == expected
    assert "<option" in expected


def test_it_renders_a_model_choice_field_like_djangos_select(db):
    from tests.factories import UserFactory

    UserFactory(display_name="Ann <b>")
    field = forms.ModelChoiceField(queryset=UserFactory._meta.model.objects.all())
    first = field.queryset.first()
    django_html = forms.Select(choices=field.choices).render("user", first.pk)
    fast_html = FastSelect(choices=field.choices).render("user", first.pk)
    assert _normalised(fast_html) == _normalised(django_html)
    assert "selected" in fast_html and "&lt;b&gt;" in fast_html


class _Filter(forms.Form):
    colour = forms.ChoiceField(
        choices=FixedChoices([("", "Any"), ("Warm", [("red", "Red"), ("orange", "Orange")]), ("blue", "Blue")]),
        widget=FastSelect,
        required=False,
    )


def test_fixed_choices_are_shared_by_every_form_and_validate_like_a_list():
    first, second = _Filter({"colour": "orange"}), _Filter({"colour": "green"})
    assert first.fields["colour"].choices is second.fields["colour"].choices  # not copied per form
    assert first.fields["colour"].widget.choices is first.fields["colour"].choices
    assert first.is_valid() and first.cleaned_data["colour"] == "orange"
    assert not second.is_valid() and "colour" in second.errors
    listed = forms.Select(choices=[("", "Any"), ("Warm", [("red", "Red"), ("orange", "Orange")]), ("blue", "Blue")])
    expected = listed.render("colour", "orange", {"id": "id_colour"})
    assert _normalised(first["colour"].as_widget()) == _normalised(expected)
