"""A network's logo: uploaded by an editor through the one image check (rookie.lib.images), or its
initials on a colour chosen from its name; shown beside the name on the catalogue, detail and
compare pages."""

from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage
from PIL import Image

from networks.models import Network
from tests.articles.images import HTML_AS_GIF, SVG, image_bytes, upload
from tests.factories import NetworkFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/networks/network/"


def _change_data(editor_client, network, **overrides):
    """The change form as the browser would send it back, unchanged except for `overrides`."""
    form = editor_client.get(f"{CHANGELIST}{network.pk}/change/").context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, bool) and name != "logo"
    }
    data["languages"] = network.language_list
    return {**data, **overrides}


def _files_under(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_it_stores_an_uploaded_logo_re_encoded_and_named_by_its_real_format(editor_client, network, media_root):
    data = _change_data(editor_client, network, logo=upload("logo.gif", image_bytes("PNG", size=(64, 64))))
    response = editor_client.post(f"{CHANGELIST}{network.pk}/change/", data)
    assert response.status_code == 302
    network.refresh_from_db()
    assert network.logo.name.startswith("networks/logos/") and network.logo.name.endswith(".png")
    with Image.open(network.logo.path) as image:
        assert image.format == "PNG" and image.size == (64, 64)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("logo.svg", SVG),
        ("logo.gif", HTML_AS_GIF),
        ("logo.png", b""),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"not really"),
    ],
)
def test_it_refuses_a_file_that_is_not_an_image_as_a_form_error(editor_client, network, media_root, name, data):
    response = editor_client.post(
        f"{CHANGELIST}{network.pk}/change/", _change_data(editor_client, network, logo=upload(name, data))
    )
    assert response.status_code == 200
    assert "logo" in response.context["adminform"].form.errors
    network.refresh_from_db()
    assert not network.logo
    assert _files_under(media_root) == []


def test_it_refuses_a_logo_over_the_size_limit(editor_client, network, media_root, settings):
    data = image_bytes("PNG", size=(64, 64))
    settings.IMAGE_UPLOAD_MAX_BYTES = len(data) - 1
    response = editor_client.post(
        f"{CHANGELIST}{network.pk}/change/", _change_data(editor_client, network, logo=upload("logo.png", data))
    )
    assert response.status_code == 200
    assert "too large" in str(response.context["adminform"].form.errors["logo"])
    assert _files_under(media_root) == []


def test_it_says_so_when_storage_fails_and_keeps_the_editors_changes(editor_client, network, media_root):
    data = _change_data(editor_client, network, summary_en="A new description.", logo=upload("l.png", image_bytes()))
    with mock.patch.object(FileSystemStorage, "save", side_effect=OSError("disk full")):
        response = editor_client.post(f"{CHANGELIST}{network.pk}/change/", data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "could not be stored" in str(form.errors["logo"])
    assert form["summary_en"].value() == "A new description."
    network.refresh_from_db()
    assert not network.logo and network.summary_en != "A new description."


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Lund Tech Alumni Circle", "LT"),
        ("Young Lawyers' Network Finland", "YL"),
        ("Ørestad Iværksættere", "ØI"),
        ("åsa öberg", "ÅÖ"),
        ("Umeå", "U"),
        ("🎉 Party People", "PP"),
        ("Oslo-Cleantech Breakfast", "OC"),
        ("!!!", "#"),
    ],
)
def test_it_takes_the_initials_from_the_first_two_words(name, initials):
    assert Network(name=name).initials == initials


def test_it_gives_the_same_name_the_same_colour_from_a_small_palette():
    colours = {Network(name=f"Network {number}").logo_colour for number in range(60)}
    assert colours == set(range(6))
    assert Network(name="Umeå Startup Fika").logo_colour == Network(name="Umeå Startup Fika").logo_colour


def test_it_shows_the_initials_beside_the_name_without_a_logo(client, network):
    colour = f"avatar avatar--c{network.logo_colour}"
    html = client.get("/en/networks/").content.decode()
    assert f'class="network-logo {colour}" aria-hidden="true">LT</span>' in html
    html = client.get(f"/en/networks/{network.slug}/").content.decode()
    assert f'class="network-logo network-logo--large {colour}" aria-hidden="true">LT</span>' in html


def test_it_shows_an_uploaded_logo_with_empty_alt_text_beside_the_name(client, media_root):
    network = NetworkFactory(name="Logo Club", slug="logo-club")
    network.logo.save("x.png", upload("x.png", image_bytes()), save=True)
    NetworkFactory(name="Other Club", slug="other-club")
    for path in ("/en/networks/", "/en/networks/logo-club/", "/en/networks/compare/?n=logo-club&n=other-club"):
        html = client.get(path).content.decode()
        assert f'src="/media/{network.logo.name}" alt=""' in html, path
        assert ">LC</span>" not in html
