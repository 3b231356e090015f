"""My card at an event: the QR code on the event's "during" page decodes (with a real QR decoder) to
a vCard that the tracker's own importer turns back into the same contact; it holds the name and
only the details the member chose on the profile."""

import io
import re

import pytest
import zxingcpp
from django.urls import reverse
from PIL import Image

from accounts.models import Contact
from accounts.tracker.card import card_items, card_qr, card_svg, card_vcard
from accounts.tracker.transfers.importing import contacts_import, read_upload
from accounts.tracker.transfers.vcard import parse_vcards
from tests.factories import EventFactory
from tests.html.crawl import Page, vnu_errors

pytestmark = pytest.mark.django_db

PITCH = "Nyutexaminerad ingenjör; söker trainee-plats inom energi, gärna i Malmö.\nHör av dig!"


def _share_everything(user, name="Åsa Öberg-Jääskeläinen"):
    user.display_name = name
    user.phone = "+46 70-123 45 67"
    user.linkedin_url = "https://www.linkedin.com/in/asa-oberg"
    user.elevator_pitch = PITCH
    user.card_email = user.card_phone = user.card_linkedin = user.card_pitch = True
    user.save()
    return user


def _during(client, event):
    response = client.get(reverse("tracker:event_during", args=[event.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _page_svg(body):
    match = re.search(r'<svg [^>]*class="my-card__qr".*?</svg>', body, re.DOTALL)
    assert match, "no SVG on the page"
    return match.group(0)


def _decode(image):
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1, results
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
    return results[0].text


def _decode_qr(qr):
    """Decode segno's PNG of the QR code object with zxing-cpp."""
    png = io.BytesIO()
    qr.save(png, kind="png", scale=4, dark="#000", light="#fff")
    png.seek(0)
    return _decode(Image.open(png))


def _raster(svg, scale=4):
    """The page's SVG as a bitmap: segno draws each row of dark modules as horizontal strokes
    ("M4 4.5h7m1 0h3…"), one module high, centred on the row."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    path = re.search(r'<path class="my-card__modules" stroke="#000" d="([^"]+)"', svg).group(1)
    image = Image.new("L", (size * scale, size * scale), 255)
    x = y = 0.0
    for command, args in re.findall(r"([Mmh])([^Mmh]*)", path):
        numbers = [float(number) for number in re.findall(r"-?\d+(?:\.\d+)?", args)]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        else:
            row = int(y - 0.5)
            image.paste(0, (int(x) * scale, row * scale, int(x + numbers[0]) * scale, (row + 1) * scale))
            x += numbers[0]
    return image


def test_it_shows_a_qr_code_that_the_importer_reads_back_to_the_same_contact(alice_client, alice, charlie):
    _share_everything(alice)
    event = EventFactory(owner=alice)
    body = _during(alice_client, event)
    qr = card_qr(alice)
    # The page draws this very QR code object ...
    assert card_svg(qr) in body
    text = _decode_qr(qr)
    assert text == card_vcard(alice)
    # ... and the tracker's importer, as another member's upload, makes the same contact of it.
    source, rows = read_upload(text.encode())
    contacts_import(owner=charlie, rows=rows, source=source, import_id="card-test")
    contact = Contact.objects.get(owner=charlie)
    assert contact.name == "Åsa Öberg-Jääskeläinen"
    assert contact.email == alice.email
    assert contact.phone == "+46 70-123 45 67"
    assert contact.linkedin_url == "https://www.linkedin.com/in/asa-oberg"
    assert contact.notes == PITCH


def test_it_draws_the_page_svg_as_a_code_a_camera_reads(alice_client, alice):
    _share_everything(alice)
    event = EventFactory(owner=alice)
    svg = _page_svg(_during(alice_client, event))
    row = parse_vcards(_decode(_raster(svg)))[0]
    assert (row["name"], row["email"], row["phone"], row["linkedin_url"], row["notes"]) == (
        "Åsa Öberg-Jääskeläinen",
        alice.email,
        "+46 70-123 45 67",
        "https://www.linkedin.com/in/asa-oberg",
        PITCH,
    )


def test_it_reads_a_card_with_a_full_pitch(alice):
    # The longest card there is: every detail, and a pitch at its 600-character limit in two-byte letters.
    _share_everything(alice)
    alice.elevator_pitch = "Å" * 600
    alice.save()
    assert parse_vcards(_decode_qr(card_qr(alice)))[0]["notes"] == "Å" * 600


def test_it_puts_only_the_chosen_details_on_the_card(alice_client, alice):
    _share_everything(alice)
    alice.card_email = alice.card_pitch = False
    alice.save()
    event = EventFactory(owner=alice)
    body = _during(alice_client, event)
    row = parse_vcards(_decode_qr(card_qr(alice)))[0]
    assert (row["email"], row["notes"]) == ("", "")
    assert (row["phone"], row["linkedin_url"]) == ("+46 70-123 45 67", "https://www.linkedin.com/in/asa-oberg")
    # The page says in words what the card holds, and nothing else.
    shares = re.search(r'<dl class="my-card__items">(.*?)</dl>', body, re.DOTALL).group(1)
    assert re.findall(r"<dt>(.*?)</dt>", shares) == ["Name", "Phone", "LinkedIn profile"]
    assert "+46 70-123 45 67" in shares
    assert alice.email not in shares
    assert "Nyutexaminerad" not in shares


def test_it_gives_a_member_who_shares_nothing_a_card_with_the_name_only(alice_client, alice):
    alice.phone = "+46 70 000 00 00"
    alice.elevator_pitch = "Looking for a trainee place."
    alice.save()
    event = EventFactory(owner=alice)
    body = _during(alice_client, event)
    text = _decode_qr(card_qr(alice))
    assert text == "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alice Andersson\r\nN:Andersson;Alice;;;\r\nEND:VCARD\r\n"
    assert [item.key for item in card_items(alice)] == ["name"]
    assert "Only your name is on your card so far." in body
    assert f'href="{reverse("accounts:profile")}#id_card_shares"' in body


def test_it_escapes_what_the_vcard_format_and_the_page_would_misread(alice_client, alice):
    _share_everything(alice, name="Ola; Nordmann, <b>Jr</b>")
    alice.elevator_pitch = 'A, B; C\\D <script>alert("x")</script>'
    alice.save()
    event = EventFactory(owner=alice)
    body = _during(alice_client, event)
    row = parse_vcards(_decode_qr(card_qr(alice)))[0]
    assert row["name"] == "Ola; Nordmann, <b>Jr</b>"
    assert row["notes"] == 'A, B; C\\D <script>alert("x")</script>'
    assert "<b>Jr</b>" not in body
    assert "&lt;script&gt;" in body


def test_it_draws_an_accessible_black_on_white_svg_that_scales_without_a_style_attribute(alice_client, alice):
    event = EventFactory(owner=alice)
    body = _during(alice_client, event)
    svg = _page_svg(body)
    opening = re.match(r"<svg[^>]*>", svg).group(0)
    assert 'role="img"' in opening
    assert 'aria-label="QR code with your contact card"' in opening
    assert 'class="my-card__qr"' in opening
    # Sized by the viewBox alone, so card.css makes it as wide as the screen allows.
    assert "viewBox=" in opening
    assert "width=" not in opening and "height=" not in opening
    assert "style" not in svg
    assert "<?xml" not in body
    # The light background (quiet zone included) is painted, not transparent: a dark page behind
    # it would make the code unreadable.
    size = re.search(r'viewBox="0 0 (\d+) \1"', opening).group(1)
    assert f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/>' in svg
    assert 'stroke="#000"' in svg
    assert re.search(r'<link rel="stylesheet" href="[^"]*css/card[.a-z0-9]*\.css">', body)
    # Closed at first, so the add-person form stays near the top of a phone's screen.
    assert re.search(r'<details class="my-card">\s*<summary>Show my card</summary>', body)
    assert body.index('class="my-card"') < body.index('class="tr-big-form"')


def test_it_shows_nobody_else_the_card(charlie_client, alice):
    event = EventFactory(owner=alice)
    response = charlie_client.get(reverse("tracker:event_during", args=[event.pk]))
    assert response.status_code == 404


@pytest.mark.slow
def test_it_is_valid_html_without_inline_styles(alice_client, alice, tmp_path):
    _share_everything(alice)
    event = EventFactory(owner=alice)
    url = reverse("tracker:event_during", args=[event.pk])
    body = _during(alice_client, event)
    assert not re.search(r"\sstyle=", body)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body)
    file = tmp_path / "during.html"
    file.write_text(body, encoding="utf-8")
    assert [str(error) for error in vnu_errors(tmp_path, [Page(url, file, 200)])] == []


# --- Choosing on the profile ----------------------------------------------------------------------

PROFILE = {
    "display_name": "Alice Andersson",
    "preferred_language": "en",
    "field_of_work": "",
    "career_stage": "",
    "elevator_pitch": "I build things.",
    "phone": "+46 70 123 45 67",
    "linkedin_url": "http://se.linkedin.com/in/alice-andersson/",
}


def _post_profile(client, **changes):
    return client.post(reverse("accounts:profile"), {**PROFILE, **changes})


def test_it_saves_what_the_card_shares_from_the_profile(alice_client, alice):
    response = _post_profile(alice_client, card_shares=["phone", "linkedin"])
    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.card_email, alice.card_phone, alice.card_linkedin, alice.card_pitch) == (False, True, True, False)
    assert alice.linkedin_url == "https://www.linkedin.com/in/alice-andersson"
    page = alice_client.get(reverse("accounts:profile")).content.decode()
    assert re.search(r'<input type="checkbox" name="card_shares" value="phone"[^>]*checked', page)
    assert not re.search(r'<input type="checkbox" name="card_shares" value="email"[^>]*checked', page)
    # Unticking everything leaves the name alone on the card.
    assert _post_profile(alice_client).status_code == 302
    alice.refresh_from_db()
    assert not any((alice.card_email, alice.card_phone, alice.card_linkedin, alice.card_pitch))


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"phone": "", "card_shares": ["phone"]}, "card_shares", "Fill in your phone number above"),
        ({"linkedin_url": "", "card_shares": ["linkedin"]}, "card_shares", "Fill in your LinkedIn profile above"),
        ({"elevator_pitch": "", "card_shares": ["pitch"]}, "card_shares", "Write your elevator pitch above"),
        ({"card_shares": ["fax"]}, "card_shares", "Select a valid choice"),
        ({"phone": "<b>070</b>"}, "phone", "Please enter a phone number"),
        ({"phone": "1" * 41}, "phone", "at most 40 characters"),
        ({"phone": "📞 070"}, "phone", "Please enter a phone number"),
        ({"linkedin_url": "https://example.com/in/alice"}, "linkedin_url", "link to a LinkedIn profile"),
        ({"linkedin_url": "javascript:alert(1)"}, "linkedin_url", "Enter a valid URL"),
    ],
)
def test_it_refuses_card_details_it_cannot_use(alice_client, alice, changes, field, message):
    response = _post_profile(alice_client, **changes)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    alice.refresh_from_db()
    assert (alice.phone, alice.linkedin_url, alice.card_phone) == ("", "", False)
