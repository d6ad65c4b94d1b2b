"""Moderation speaks Dutch and Danish."""

import pytest
from django.urls import reverse
from django.utils import translation

from forum.moderation import services
from forum.moderation.models import ReviewItem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nl", ["Beoordelingswachtrij", "Verbergen", "Meldingen"]), ("da", ["Gennemgangskø", "Skjul", "Anmeldelser"])],
)
def test_queue_and_item_page_in_dutch_and_danish(world, as_user, client, language, expected):
    thread = world.thread()
    services.report_post(thread.first_post, world.reporter, reason="spam")
    item = ReviewItem.objects.get(post=thread.first_post)
    as_user(world.moderator_a)
    with translation.override(language):
        queue = client.get(reverse("forum_moderation:queue")).content.decode()
        page = client.get(reverse("forum_moderation:item", kwargs={"pk": item.pk})).content.decode()
    assert expected[0] in queue
    assert expected[1] in page and expected[2] in page


def test_the_report_form_in_danish(world, as_user, client):
    thread = world.thread()
    as_user(world.reader)
    with translation.override("da"):
        page = client.get(reverse("forum_moderation:report", kwargs={"pk": thread.first_post.pk})).content.decode()
    assert "Anmeld et indlæg" in page and "Personlige eller fortrolige oplysninger" in page
