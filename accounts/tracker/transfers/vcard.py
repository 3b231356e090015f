"""vCard 3.0 (RFC 2426) and 4.0 (RFC 6350): reading the cards phones and mail programs export, and
writing 4.0.

Reading is lenient where exporters differ in harmless ways (lower-case names, a group prefix such as
"item1.EMAIL", bare TYPE parameters, Apple's "\\:" in URLs, CRLF or LF) and strict where a file
would otherwise be misread (a card never closed, a line without a colon, vCard 2.1's
quoted-printable encoding).
"""

import re

from django.utils.translation import gettext as _

from accounts.tracker.transfers.errors import ImportFormatError

SUPPORTED_VERSIONS = {"3.0", "4.0"}
# Properties that may be huge (embedded images, keys, sounds) and that the tracker never uses.
_IGNORED = {"PHOTO", "LOGO", "SOUND", "KEY"}
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


# --- Reading --------------------------------------------------------------------------------------


def unfold(text):
    """Logical lines with the number of the physical line each starts on.

    A line starting with a space or a tab continues the previous one (RFC 6350 §3.2); the single
    leading whitespace character is removed and the rest is joined without a separator.
    """
    logical = []
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if line[:1] in (" ", "\t") and logical:
            logical[-1][1] += line[1:]
        else:
            logical.append([number, line])
    return [(number, line) for number, line in logical]


def _split_unquoted(text, separator):
    """Split on `separator` outside double quotes (parameter values may quote ; : and ,)."""
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
            current.append(char)
        elif char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def parse_content_line(line):
    """Split a line: "item1.TEL;TYPE=cell,voice;VALUE=uri:tel:+46…" → ("TEL", {"TYPE": ["cell", "voice"]…}, "tel:+46…").

    Returns None when the line has no colon outside quotes.
    """
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            head, value = line[:index], line[index + 1 :]
            break
    else:
        return None
    name, *raw_params = _split_unquoted(head, ";")
    name = name.rsplit(".", 1)[-1].strip().upper()
    params = {}
    for raw in raw_params:
        key, sep, raw_value = raw.partition("=")
        if not sep:
            # vCard 2.1 style "TEL;CELL:": a bare type.
            key, raw_value = "TYPE", key
        values = [v.strip().strip('"') for v in _split_unquoted(raw_value, ",")]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    return name, params, value


def unescape(value):
    r"""Text value escapes: \\ \, \; \n \N; any other backslash pair stands for its character."""
    out, chars = [], iter(value)
    for char in chars:
        if char != "\\":
            out.append(char)
            continue
        following = next(chars, "")
        out.append("\n" if following in ("n", "N") else following)
    return "".join(out)


def split_escaped(value, separator):
    """Split a structured value on separators that are not escaped, then unescape each part."""
    parts, current, chars = [], [], iter(value)
    for char in chars:
        if char == "\\":
            current.append(char + next(chars, ""))
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [unescape(part) for part in parts]


def _types(params):
    return {value.lower() for value in params.get("TYPE", [])}


def _preference(params):
    """Lower sorts first: PREF=1 (4.0) or TYPE=pref (3.0) before the rest, then file order."""
    if "pref" in _types(params):
        return 1
    try:
        return int(params.get("PREF", ["100"])[0])
    except ValueError:
        return 100


def _pick(entries):
    """The preferred value of a repeated property (e-mail, phone, language)."""
    if not entries:
        return ""
    ordered = sorted(enumerate(entries), key=lambda item: (_preference(item[1][0]), item[0]))
    return ordered[0][1][1]


def _name_from_n(value):
    family, given, additional, prefix, suffix = ([*split_escaped(value, ";"), "", "", "", "", ""])[:5]
    parts = [prefix, given, additional, family, suffix]
    return " ".join(" ".join(part.split(",")).strip() for part in parts if part.strip()).strip()


def _card_to_row(line_number, properties):
    """One card's properties → the importer's dict."""
    by_name = {}
    for name, params, value in properties:
        by_name.setdefault(name, []).append((params, value))

    def first(name):
        entries = by_name.get(name)
        return entries[0][1] if entries else ""

    name = unescape(first("FN")).strip() or _name_from_n(first("N"))
    org = [part.strip() for part in split_escaped(first("ORG"), ";") if part.strip()]
    emails = [(params, unescape(value).strip()) for params, value in by_name.get("EMAIL", [])]
    phones = []
    for params, value in by_name.get("TEL", []):
        value = unescape(value).strip()
        if value.lower().startswith("tel:"):
            # TEL;VALUE=uri:tel:+45-20-12-34-56;ext=12 → "+45-20-12-34-56"
            value = value[4:].split(";", 1)[0]
        phones.append((params, value))
    languages = [(params, unescape(value).strip()) for params, value in by_name.get("LANG", [])]
    urls = [unescape(value).strip() for _params, value in by_name.get("URL", [])]
    linkedin = next((url for url in urls if is_linkedin_url(url)), "")
    other_urls = [url for url in urls if url and url != linkedin]
    notes = "\n\n".join(unescape(value).strip() for _params, value in by_name.get("NOTE", []) if value.strip())
    categories = []
    for _params, value in by_name.get("CATEGORIES", []):
        categories.extend(part.strip() for part in split_escaped(value, ",") if part.strip())
    return {
        "line": line_number,
        "name": name,
        "company": ", ".join(org),
        "role": unescape(first("TITLE")).strip(),
        "email": _pick(emails),
        "phone": _pick(phones),
        "linkedin_url": linkedin,
        "other_urls": other_urls,
        "language": language_code(_pick(languages)),
        "notes": notes,
        "tags": ", ".join(categories),
    }


def language_code(tag):
    """A language tag's primary language: "sv-SE" → "sv"; "" when there is none (the importer picks a default)."""
    match = _LANGUAGE_TAG.match((tag or "").strip())
    return match.group(1).lower() if match else ""


def is_linkedin_url(url):
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", (url or "").strip().lower()).split("/", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]
    return host == "linkedin.com" or host.endswith(".linkedin.com")


def parse_vcards(text):
    """Every card in the file as a dict; raises ImportFormatError for a file that is not vCard 3.0/4.0."""
    rows = []
    card_start = None
    properties = []
    for number, line in unfold(text):
        if not line.strip():
            continue
        parsed = parse_content_line(line)
        if parsed is None:
            raise ImportFormatError(
                _("Line %(line)s is not a vCard property (it has no colon): “%(text)s”.")
                % {"line": number, "text": line[:60]}
            )
        name, params, value = parsed
        if name == "BEGIN" and value.strip().upper() == "VCARD":
            if card_start is not None:
                raise ImportFormatError(
                    _("The card starting on line %(line)s is not closed with END:VCARD before the next card.")
                    % {"line": card_start}
                )
            card_start, properties = number, []
        elif card_start is None:
            raise ImportFormatError(
                _("Line %(line)s is outside a card (cards start with BEGIN:VCARD).") % {"line": number}
            )
        elif name == "END" and value.strip().upper() == "VCARD":
            rows.append(_card_to_row(card_start, properties))
            card_start = None
        elif name == "VERSION":
            version = value.strip()
            if version not in SUPPORTED_VERSIONS:
                raise ImportFormatError(
                    _("The card on line %(line)s is vCard %(version)s; only versions 3.0 and 4.0 can be imported.")
                    % {"line": card_start, "version": version[:10]}
                )
        elif name in _IGNORED:
            continue
        else:
            encoding = {value.lower() for value in params.get("ENCODING", [])}
            if "quoted-printable" in encoding:
                raise ImportFormatError(
                    _("Line %(line)s uses quoted-printable encoding (vCard 2.1); export as vCard 3.0 or 4.0.")
                    % {"line": number}
                )
            properties.append((name, params, value))
    if card_start is not None:
        raise ImportFormatError(
            _("The card starting on line %(line)s is not closed with END:VCARD; was the file cut short?")
            % {"line": card_start}
        )
    return rows


# --- Writing --------------------------------------------------------------------------------------


def escape(value):
    """A text value for a vCard 4.0 line (RFC 6350 §3.4)."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line, limit=75):
    """Lines longer than 75 octets are folded (RFC 6350 §3.2), never inside a UTF-8 character."""
    chunks, current, size = [], [], 0
    for char in line:
        width = len(char.encode("utf-8"))
        # Continuation lines start with a space, which counts towards the limit.
        if size + width > limit:
            chunks.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    chunks.append("".join(current))
    return "\r\n".join(chunks)


def content_line(name, value, /, **params):
    head = name + "".join(f";{key.upper()}={param}" for key, param in params.items())
    return fold(f"{head}:{value}")
