import pytest

from tests.factories import CommentFactory, GrantFactory

pytestmark = pytest.mark.django_db


def test_staff_can_look_at_grants_but_not_create_or_change_them(superuser_client, alice, bob):
    grant = GrantFactory(member=alice, coach=bob)
    assert superuser_client.get("/admin/accounts/coachgrant/").status_code == 200
    assert superuser_client.get("/admin/accounts/coachgrant/add/").status_code == 403
    page = superuser_client.get(f"/admin/accounts/coachgrant/{grant.pk}/change/")
    assert page.status_code == 200
    assert 'name="scope"' not in page.content.decode()  # read-only: no form fields


def test_staff_can_delete_an_abusive_comment(superuser_client, alice, bob):
    comment = CommentFactory(member=alice, coach=bob)
    response = superuser_client.post(f"/admin/accounts/coachcomment/{comment.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not type(comment).objects.filter(pk=comment.pk).exists()


@pytest.mark.parametrize("model", ["coachgrant", "coachcomment", "goalsuggestion", "coachaccesslog"])
def test_the_coaching_admin_pages_render(superuser_client, model):
    assert superuser_client.get(f"/admin/accounts/{model}/").status_code == 200
