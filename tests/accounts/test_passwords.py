import re

import pytest
from django.core import mail

# The tests of passwords themselves run with production's hashers (the others with a fast one).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_hashers")]


def test_a_new_password_is_stored_with_argon2(alice):
    alice.set_password("brand-new-passphrase")
    alice.save()
    alice.refresh_from_db()
    assert alice.password.startswith("argon2$")
    assert alice.check_password("brand-new-passphrase")


def test_the_reset_email_is_sent_in_the_active_language_and_its_link_works(client, alice):
    response = client.post("/sv/accounts/password/reset/", {"email": "Alice@Example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    link = re.search(r"http://testserver(\S+)", message.body).group(1)
    assert link.startswith("/sv/accounts/password/reset/")

    # The link redirects to a form on a session-bound URL; the form sets the new password.
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "brand-new-passphrase", "new_password2": "brand-new-passphrase"})
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("brand-new-passphrase")


def test_an_unknown_address_sends_nothing_but_looks_the_same(client):
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_change(alice_client, alice, password):
    response = alice_client.post(
        "/en/accounts/password/change/",
        {"old_password": password, "new_password1": "another-long-phrase", "new_password2": "another-long-phrase"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password("another-long-phrase")


def test_password_change_with_a_wrong_old_password_is_a_form_error(alice_client, alice, password):
    response = alice_client.post(
        "/en/accounts/password/change/",
        {"old_password": "nope", "new_password1": "another-long-phrase", "new_password2": "another-long-phrase"},
    )
    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
    alice.refresh_from_db()
    assert alice.check_password(password)
