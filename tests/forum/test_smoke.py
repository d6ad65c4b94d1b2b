"""The demo forum renders for each kind of visitor."""

import pytest

from accounts.models import User
from forum import permissions
from forum.models import ForumGroup, Thread

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_demo_groups_and_threads_exist():
    assert ForumGroup.objects.filter(slug="intervisie-regio-eemland", visibility="private").exists()
    assert Thread.objects.filter(group__slug="maegling-i-kommunerne").count() >= 1


@pytest.mark.parametrize("email", [None, "lid@almere.example", "moderator@hilversum.example", "medlem@kk.example"])
def test_forum_pages_render(client, email):
    if email:
        client.force_login(User.objects.get(email=email))
    assert client.get("/nl/forum/").status_code == 200
    for thread in permissions.visible_threads(User.objects.get(email=email) if email else _anon()):
        assert client.get(thread.group.get_absolute_url()).status_code == 200
        assert client.get(thread.get_absolute_url()).status_code == 200


def _anon():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
