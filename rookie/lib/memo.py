"""Per-process memory of what is the same on every request until settings change: the hashed URL
of a static file, the shared markup of the page shell (rookie/templatetags/ui.py `{% memo %}`).

Nothing here may depend on the reader beyond what the caller puts in the key (the language, whether
someone is signed in), and nothing a member or an editor can change: those values live until the
process ends. Tests that change settings (STORAGES, LANGUAGES, ROOT_URLCONF…) through
override_settings fire `setting_changed`, which empties everything, so they see their own values.
"""

from collections.abc import Callable, Hashable
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static

# A bound on what a key that takes many values (a URL name) could make the memory hold; reaching
# it starts afresh instead of growing.
MAX_ENTRIES = 2000

_values: dict[Hashable, Any] = {}


def remembered(key: Hashable, compute: Callable[[], Any]) -> Any:
    """The value under `key`, computed once per process (until settings change)."""
    try:
        return _values[key]
    except KeyError:
        pass
    value = compute()
    if len(_values) >= MAX_ENTRIES:
        _values.clear()
    _values[key] = value
    return value


def static_url(path: str) -> str:
    """static(path), asked of the storage once: the manifest's hashed name does not change while
    the process runs."""
    url: str = remembered(("static", path), lambda: static(path))
    return url


def forget_all() -> None:
    _values.clear()


@receiver(setting_changed)
def _settings_changed(**kwargs: Any) -> None:
    forget_all()
