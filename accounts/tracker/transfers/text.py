"""Small text helpers shared by the importers: what comes out of a file is never trusted as-is."""

import re
import unicodedata

# C0/C1 control characters except tab and newline. PostgreSQL refuses NUL in text columns, and the
# rest only ever arrive by accident (or malice) from a file.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")


def clean_line(value):
    """One line of text: NFC (macOS writes Å as A + ring), no control characters, single spaces."""
    value = unicodedata.normalize("NFC", value or "")
    value = _CONTROL.sub("", value)
    return _SPACES.sub(" ", value).strip()


def clean_multiline(value):
    """Free text (notes): keeps line breaks, drops other control characters."""
    value = unicodedata.normalize("NFC", value or "")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return "\n".join(line.rstrip() for line in value.split("\n")).strip()
