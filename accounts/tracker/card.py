"""My card: the member's own contact details as a vCard in a QR code, shown on their phone at an
event so that the other person's camera adds them to its contacts without typing.

The name is always on the card; e-mail, phone, LinkedIn and the elevator pitch only when the member
chose them on the profile (User.card_*; off until then). The card is written with the tracker's
own vCard writer (transfers/vcard.py), so the tracker's importer reads it back to the same contact.
It is vCard 3.0 rather than the 4.0 of the contacts export: 3.0 is what phone cameras and contact
apps read everywhere, and the importer takes both.
"""

import functools
from dataclasses import dataclass

import segno
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.tracker.transfers import vcard

# What a member may put on the card besides the name: (choice, label, User flag, User field).
CARD_CHOICES = (
    ("email", _("E-mail address"), "card_email", "email"),
    ("phone", _("Phone"), "card_phone", "phone"),
    ("linkedin", _("LinkedIn profile"), "card_linkedin", "linkedin_url"),
    ("pitch", _("Elevator pitch"), "card_pitch", "elevator_pitch"),
)
CARD_FLAGS = {choice: flag for choice, _label, flag, _field in CARD_CHOICES}
CARD_SOURCES = {choice: field for choice, _label, _flag, field in CARD_CHOICES}

# M keeps a card with a full pitch at a size a phone camera reads off another phone's screen; segno
# raises the level to Q or H by itself when that fits in the same number of modules.
ERROR_LEVEL = "m"


@dataclass(frozen=True)
class CardItem:
    key: str
    label: str
    value: str


def card_shares(user) -> list[str]:
    """The details the member chose to put on their card (whether or not they are filled in)."""
    return [choice for choice, _label, flag, _field in CARD_CHOICES if getattr(user, flag)]


def card_items(user) -> list[CardItem]:
    """What the card holds, in its order: the name, then each chosen detail that is filled in."""
    items = [CardItem("name", gettext("Name"), user.display_name)]
    for choice, label, flag, field in CARD_CHOICES:
        value = (getattr(user, field) or "").strip()
        if getattr(user, flag) and value:
            items.append(CardItem(choice, str(label), value))
    return items


def card_vcard(user) -> str:
    """The card as vCard 3.0 text (CRLF line ends, folded and escaped by the tracker's writer)."""
    values = {item.key: item.value for item in card_items(user)}
    name = values["name"]
    # N wants family and given names apart; as in the export, the last word is the family name.
    given, _sep, family = name.rpartition(" ")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        vcard.content_line("FN", vcard.escape(name)),
        vcard.content_line("N", f"{vcard.escape(family)};{vcard.escape(given)};;;"),
    ]
    if "email" in values:
        lines.append(vcard.content_line("EMAIL", vcard.escape(values["email"]), type="INTERNET"))
    if "phone" in values:
        lines.append(vcard.content_line("TEL", vcard.escape(values["phone"]), type="CELL"))
    if "linkedin" in values:
        lines.append(vcard.content_line("URL", values["linkedin"]))
    if "pitch" in values:
        lines.append(vcard.content_line("NOTE", vcard.escape(values["pitch"])))
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


@functools.lru_cache(maxsize=256)
def _qr_for(text: str) -> segno.QRCode:
    # UTF-8 always (segno would pick Latin-1 when it fits): cameras read "Åsa" and "Jääskeläinen"
    # right only as UTF-8, and the same bytes whatever the name.
    return segno.make(text, error=ERROR_LEVEL, encoding="utf-8", micro=False)


def card_qr(user) -> segno.QRCode:
    """The QR code of the member's card: the page draws this object, and the tests decode it."""
    return _qr_for(card_vcard(user))


def card_svg(qr: segno.QRCode) -> SafeString:
    """The QR code as inline SVG: black modules on white with the quiet zone (4 modules) in both
    colour schemes, sized by its viewBox (card.css makes it as wide as the phone allows), named for
    screen readers, and without a style attribute (the CSP allows none)."""
    svg = qr.svg_inline(
        scale=1,
        border=4,
        dark="#000",
        light="#fff",
        omitsize=True,
        svgclass="my-card__qr",
        lineclass="my-card__modules",
    )
    if not svg.startswith("<svg "):
        raise ValueError("segno's inline SVG does not start with <svg")
    label = format_html(' role="img" aria-label="{}" ', gettext("QR code with your contact card"))
    return mark_safe("<svg" + label + svg[len("<svg ") :])  # noqa: S308 - segno's SVG; the label is escaped
