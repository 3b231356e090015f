from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models.tracker import ContactImport

DATA = Path(__file__).parent / "data"
# The shared samples (LinkedIn's and phones' real shapes); tests read them when the checkout has them,
# next to our own files of the same shapes in data/.
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"


def data_file(name):
    return (DATA / name).read_bytes()


def pending_import(client):
    """The signed-in member's upload waiting for confirmation (PendingImport's data), or None."""
    current = ContactImport.objects.filter(owner_id=client.session.get("_auth_user_id")).first()
    return current.pending if current else None


def import_result(client):
    """The signed-in member's last import result, or None."""
    current = ContactImport.objects.filter(owner_id=client.session.get("_auth_user_id")).first()
    return current.result if current else None


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture(autouse=True)
def _fixed_site_url(settings):
    settings.SITE_URL = "https://rookie.example"
