"""A member's page rendered from the rows of before a change, and stored after the change committed, is never served:
the entry carries the generation read when its request began. Real parallel connections: the request runs in a
thread of its own and is held between rendering and storing while the change commits on another connection.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from core import member_cache
from notifications.kinds import Kind
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.usefixtures("page_cache_on")

BADGE = '<span class="utrecht-badge-counter" aria-hidden="true">1</span>'


def test_a_page_rendered_before_a_change_and_stored_after_it_is_never_served(committed_db, monkeypatch):
    member, author = factories.member(), factories.member()
    group = factories.forum_group("open-groep-race", visibility="public", members=[member, author])
    post = factories.forum_post(factories.forum_thread(group, member), author)
    page = factories.content_page("Pagina", "Tekst.")
    client = Client()
    client.force_login(member)
    client.get(page.url)  # the CSRF cookie the key holds

    rendered, change_committed = threading.Event(), threading.Event()
    store = member_cache.write

    def held_write(*args, **kwargs):
        rendered.set()
        assert change_committed.wait(30)
        store(*args, **kwargs)

    monkeypatch.setattr(member_cache, "write", held_write)
    answers = []

    def read_the_page():
        try:
            answers.append(client.get(page.url))
        finally:
            connection.close()

    request = threading.Thread(target=read_the_page)
    request.start()
    assert rendered.wait(30)
    Notification.objects.create(recipient=member, kind=Kind.REPLY, target=post, actor=author)  # autocommit
    change_committed.set()
    request.join(30)
    assert BADGE not in answers[0].content.decode()  # it read the rows of before

    response = client.get(page.url)
    assert response.get("X-Cache") != member_cache.HIT
    assert BADGE in response.content.decode()
