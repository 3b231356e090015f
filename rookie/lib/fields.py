"""Form fields that refuse ids no database column can hold.

Django's model choice fields pass the submitted text straight into a query; on SQLite an id past
the 64-bit range raises OverflowError (a 500) instead of "not a valid choice".
"""

from django import forms

_MAX_ID = 2**63 - 1


def _is_storable_id(value):
    try:
        return 0 < int(str(value).strip()) <= _MAX_ID
    except ValueError:
        return False


class ModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not _is_storable_id(value):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value:
            if not _is_storable_id(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)
