"""Moderation from end to end: a pseudonymous case in a private group is reported, the group moderator
hides it with a reason, the audit log shows it, and nobody outside the group finds a trace (canary word)."""

import pytest
from django.core import mail
from django.urls import reverse

from forum.models import PostStatus
from forum.moderation.models import ReviewItem

pytestmark = pytest.mark.django_db

CANARY = "Kwartelkoning"


def test_reported_and_hidden_in_a_private_group_logged_and_invisible_outside(
    world, as_user, post, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        thread = world.thread(title=f"Casus {CANARY}", body=f"Het dossier {CANARY} loopt vast.", pseudonymous=True)
    first = thread.first_post
    search = reverse("search:search")
    as_user(world.reader)
    assert f"Casus {CANARY}" in client.get(search, {"q": CANARY}).content.decode(), "members of the group find it"
    as_user(world.outsider)
    assert f"Casus {CANARY}" not in client.get(search, {"q": CANARY}).content.decode()

    as_user(world.reader)
    assert (
        post(reverse("forum_moderation:report", kwargs={"pk": first.pk}), {"reason": "personal_data"}).status_code
        == 302
    )
    item = ReviewItem.objects.get(post=first)

    as_user(world.moderator_a)
    hide = reverse("forum_moderation:act", kwargs={"kind": "item", "pk": item.pk, "action_id": "hide"})
    assert (
        post(
            hide, {"version": item.version, "hide-category": "personal_data", "hide-reason": "Herleidbaar dossier."}
        ).status_code
        == 302
    )
    first.refresh_from_db()
    assert first.status == PostStatus.HIDDEN

    as_user(world.site_moderator)
    audit = client.get(reverse("forum_moderation:audit")).content.decode()
    assert f"Casus {CANARY}" in audit and "Herleidbaar dossier." in audit and "Verbergen" in audit

    as_user(world.outsider)
    urls = [
        reverse("forum_moderation:queue"),
        reverse("forum_moderation:audit"),
        reverse("forum_moderation:item", kwargs={"pk": item.pk}),
        reverse("forum_moderation:post", kwargs={"pk": first.pk}),
        reverse("forum_moderation:report", kwargs={"pk": first.pk}),
        reverse("forum_moderation:act", kwargs={"kind": "post", "pk": first.pk, "action_id": "reveal"}),
        thread.get_absolute_url(),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert CANARY not in response.content.decode()
    # The search page repeats the query, so look for the thread itself there.
    found = client.get(search, {"q": CANARY}).content.decode()
    assert f"Casus {CANARY}" not in found and thread.get_absolute_url() not in found
    for url in (reverse("notifications:list"), reverse("forum:index")):
        assert CANARY not in client.get(url).content.decode(), url
    assert not [m for m in mail.outbox if world.outsider.email in m.to]
