"""Form fields that refuse ids no database column can hold.

Django's model choice fields pass the submitted text straight into a query; on SQLite an id past
the 64-bit range raises OverflowError (a 500) instead of "not a valid choice".
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Model, QuerySet

_MAX_ID = 2**63 - 1

# Django's field classes are generic for the type checker only (django-stubs); not at run time.
if TYPE_CHECKING:
    _ModelChoiceField = forms.ModelChoiceField[Model]
    _ModelMultipleChoiceField = forms.ModelMultipleChoiceField[Model]
else:
    _ModelChoiceField = forms.ModelChoiceField
    _ModelMultipleChoiceField = forms.ModelMultipleChoiceField


def _is_storable_id(value: object) -> bool:
    try:
        return 0 < int(str(value).strip()) <= _MAX_ID
    except ValueError:
        return False


class ModelChoiceField(_ModelChoiceField):
    def to_python(self, value: Any) -> Model | None:
        if value not in self.empty_values and not _is_storable_id(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ModelMultipleChoiceField(_ModelMultipleChoiceField):
    def _check_values(self, value: Iterable[Any]) -> QuerySet[Model]:
        for pk in value:
            if not _is_storable_id(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        checked: QuerySet[Model] = super()._check_values(value)  # type: ignore[misc]  # private: not in the stubs
        return checked
