"""One role check: accounts.roles.role_required for views, User.is_member/is_coach/is_editor for code
and templates. A wrong role on a page you may know about is 403; an anonymous visitor logs in first."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from accounts.models import Role
from accounts.roles import make_editor, role_required
from tests.factories import CoachFactory, UserFactory

pytestmark = pytest.mark.django_db


@role_required(Role.MEMBER, Role.EDITOR)
def _members_and_editors(request):
    return HttpResponse("ok")


def _call(user):
    request = RequestFactory().get("/en/somewhere/?x=1")
    request.user = user
    return _members_and_editors(request)


def test_it_lets_each_named_role_in():
    editor = UserFactory()
    make_editor(editor)
    assert _call(UserFactory()).status_code == 200
    assert _call(editor).status_code == 200


def test_it_answers_403_to_another_role():
    with pytest.raises(PermissionDenied):
        _call(CoachFactory())


def test_it_sends_an_anonymous_visitor_to_log_in_and_back():
    response = _call(AnonymousUser())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "next=/en/somewhere/%3Fx%3D1" in response["Location"]


def test_it_needs_a_role():
    with pytest.raises(ValueError):
        role_required()


def test_each_user_has_exactly_one_role_property():
    editor = UserFactory()
    make_editor(editor)
    flags = [(user.is_member, user.is_coach, user.is_editor) for user in (UserFactory(), CoachFactory(), editor)]
    assert flags == [(True, False, False), (False, True, False), (False, False, True)]


@pytest.mark.parametrize(
    ("who", "url_name", "status"),
    [
        ("coach", "coaching:sharing", 403),
        ("editor", "coaching:sharing", 403),
        ("member", "coaching:clients", 403),
        ("editor", "coaching:clients", 403),
        ("member", "coaching:sharing", 200),
        ("coach", "coaching:clients", 200),
    ],
)
def test_the_coaching_pages_answer_a_wrong_role_with_403(client, who, url_name, status):
    user = CoachFactory() if who == "coach" else UserFactory()
    if who == "editor":
        make_editor(user)
    client.force_login(user)
    assert client.get(reverse(url_name)).status_code == status


@pytest.mark.parametrize(
    ("who", "shown", "hidden"),
    [
        ("member", "/en/coach/sharing/", 'href="/en/coach/"'),
        ("coach", 'href="/en/coach/"', "/en/coach/sharing/"),
        ("editor", None, "/en/coach/"),
    ],
)
def test_the_menu_offers_coaching_by_role(client, who, shown, hidden):
    user = CoachFactory() if who == "coach" else UserFactory()
    if who == "editor":
        make_editor(user)
    client.force_login(user)
    body = client.get(reverse("accounts:profile")).content.decode()
    if shown:
        assert shown in body
    assert hidden not in body
