"""The test client's view of a page (tests/conftest.py): Django's form-renderer templates are rendered
without the test signal, everything else keeps it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_client_records_the_page_and_its_partials_but_not_the_form_renderers_templates(client):
    response = client.get(reverse("accounts:login"))
    names = [template.name for template in response.templates]
    assert {"registration/login.html", "base.html", "partials/form_fields.html"} <= set(names)
    assert "username" in response.context["form"].fields
    assert 'name="username"' in response.content.decode()  # the fields are still rendered
    assert not [name for name in names if name.startswith("django/forms/")]
