"""Form widgets that render faster than Django's template-per-option defaults."""

from collections.abc import Iterable, Iterator, Mapping
from html import escape
from typing import Any

from django import forms
from django.forms.renderers import BaseRenderer
from django.utils.choices import BaseChoiceIterator
from django.utils.safestring import SafeString, mark_safe


def _escape(value: object) -> str:
    # django.utils.html.conditional_escape without its lazy-string wrappers (hot loop).
    return str(value.__html__()) if hasattr(value, "__html__") else escape(str(value))


def _attrs(attrs: Mapping[str, object]) -> str:
    # What django/forms/widgets/attrs.html writes: True is a bare attribute, False is left out.
    return "".join(
        f" {_escape(name)}" if value is True else f' {_escape(name)}="{_escape(value)}"'
        for name, value in attrs.items()
        if value is not False and value is not None
    )


class FixedChoices(BaseChoiceIterator):
    """Choices already in Django's normalized form ((value, label) pairs, or (group, pairs)) that
    never change once made. Django normalizes choices again on every assignment (to a field, then
    to its widget) and deep-copies them with every form instance; these it takes as they are and
    shares. On the catalogue's filter form that was about two thirds of a millisecond per page."""

    def __init__(self, choices: Iterable[Any]) -> None:
        self._choices = tuple(choices)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._choices)

    def __len__(self) -> int:
        return len(self._choices)

    def __copy__(self) -> "FixedChoices":
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> "FixedChoices":
        return self


class FastSelect(forms.Select):
    """A <select> whose options are written in Python, not through a template each.

    Django renders every <option> with its own template include (about 0.1 ms apiece); the tracker's
    dashboard has two contact pickers of up to hundreds of contacts (docs/PERFORMANCE.md). The HTML
    is what Django's select.html writes: the same attributes, escaping, optgroups and selection.
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: BaseRenderer | None = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'<optgroup label="{_escape(group_name)}">')
            parts += [
                f'<option value="{_escape(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_escape(option['label'])}</option>"
                for option in options
            ]
            if group_name:
                parts.append("</optgroup>")
        parts.append("</select>")
        return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


class DateInput(forms.DateInput):
    """<input type="date">: its value is always ISO 8601 (the browser shows it in the reader's
    locale); a localized value such as 07.12.2026 would be invalid HTML and an empty picker."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")
