from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

DATA = Path(__file__).parent / "data"
# The shared samples (LinkedIn's and phones' real shapes); tests read them when the checkout has them,
# next to our own files of the same shapes in data/.
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"


def data_file(name):
    return (DATA / name).read_bytes()


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.fixture(autouse=True)
def _fixed_site_url(settings):
    settings.SITE_URL = "https://rookie.example"
