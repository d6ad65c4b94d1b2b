"""Members report posts; moderators see who and why; nobody else learns that a post was reported."""

import pytest
from django.urls import reverse

from forum.moderation import services
from forum.moderation.models import Report, ReviewItem
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def report_url(post):
    return reverse("forum_moderation:report", kwargs={"pk": post.pk})


def test_a_member_reports_a_post_and_it_lands_in_the_queue_of_the_groups_moderator(world, as_user, post):
    thread = world.thread(body="Hier staat het BSN 123456782 van de inwoner.")
    client = as_user(world.reporter)
    form = client.get(report_url(thread.first_post))
    assert form.status_code == 200
    assert "Persoonlijke of vertrouwelijke gegevens" in form.content.decode()

    response = post(report_url(thread.first_post), {"reason": "personal_data", "text": "Er staat een BSN in."})

    assert response.status_code == 302 and response.url == thread.first_post.get_absolute_url()
    item = ReviewItem.objects.get(post=thread.first_post)
    assert item.status == "pending" and not item.held
    assert list(item.reports.values_list("reporter__email", "reason")) == [("reporter@mod.example", "personal_data")]
    client.force_login(world.moderator_a)
    queue = client.get(reverse("forum_moderation:queue")).content.decode()
    assert "Een lastige casus" in queue and "1 melding" in queue
    page = client.get(reverse("forum_moderation:item", kwargs={"pk": item.pk})).content.decode()
    assert "Reporter Tester" in page and "Er staat een BSN in." in page


def test_a_second_report_joins_the_same_open_item_and_the_same_person_cannot_report_twice(world, as_user, post):
    thread = world.thread()
    as_user(world.reporter)
    post(report_url(thread.first_post), {"reason": "off_topic"})
    as_user(world.reader)
    post(report_url(thread.first_post), {"reason": "spam"})
    as_user(world.reporter)
    again = post(report_url(thread.first_post), {"reason": "spam"})

    assert again.status_code == 409
    assert "U hebt dit bericht al gemeld" in again.content.decode()
    item = ReviewItem.objects.get(post=thread.first_post)
    assert item.reports.count() == 2


def test_other_needs_an_explanation_and_nothing_typed_is_lost(world, as_user, post):
    thread = world.thread()
    as_user(world.reporter)
    response = post(report_url(thread.first_post), {"reason": "other", "text": "   "})
    assert response.status_code == 400
    assert "Leg uit wat er mis is" in response.content.decode()
    response = post(report_url(thread.first_post), {"reason": "", "text": "mijn toelichting"})
    assert response.status_code == 400 and "mijn toelichting" in response.content.decode()
    assert not Report.objects.filter(item__post=thread.first_post).exists()


def test_reports_are_rate_limited_per_person_with_a_translated_message(world, as_user, post, monkeypatch):
    monkeypatch.setattr(services, "REPORT_LIMIT", 2)
    threads = [world.thread(title=f"Draad {n}") for n in range(3)]
    as_user(world.reporter)
    for thread in threads[:2]:
        assert post(report_url(thread.first_post), {"reason": "spam"}).status_code == 302
    refused = post(report_url(threads[2].first_post), {"reason": "spam"})
    assert refused.status_code == 429
    assert "veel meldingen" in refused.content.decode()
    assert not ReviewItem.objects.filter(post=threads[2].first_post).exists()


def test_who_cannot_read_the_post_cannot_report_it_and_nobody_reports_their_own(world, as_user, client):
    thread = world.thread()
    assert client.get(report_url(thread.first_post)).status_code == 302, "visitors are sent to log in"
    as_user(world.outsider)
    assert client.get(report_url(thread.first_post)).status_code == 404
    as_user(world.author)
    assert client.get(report_url(thread.first_post)).status_code == 404


def test_the_author_and_other_members_never_learn_a_post_was_reported_nor_by_whom(world, as_user, post, client):
    thread = world.thread()
    as_user(world.reporter)
    post(report_url(thread.first_post), {"reason": "disrespectful", "text": "Toon is onaardig"})

    for person in (world.author, world.reader):
        as_user(person)
        page = client.get(thread.get_absolute_url()).content.decode()
        assert "Reporter Tester" not in page and "Toon is onaardig" not in page and "gemeld" not in page
        assert client.get(reverse("forum_moderation:queue")).status_code == 404
        item = ReviewItem.objects.get(post=thread.first_post)
        assert client.get(reverse("forum_moderation:item", kwargs={"pk": item.pk})).status_code == 404
    assert not Notification.objects.filter(recipient=world.author).exists()
