"""The notification list, the header count and the settings page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Organisation
from notifications import kinds
from notifications.kinds import Delivery
from notifications.models import Notification
from notifications.services import deliveries

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_alice(client, alice):
    client.force_login(alice)
    return client


def test_the_list_needs_a_login(client):
    response = client.get("/nl/notifications/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_unread_notifications_come_first_then_newest_first(stand_in, make_organisation, alice, bob, deliver, as_alice):
    names = ["Old but unread", "Oldest and read", "New but read"]
    for name in names:
        deliver(alice, kinds.REPLY, make_organisation(name.lower().replace(" ", "-"), name=name), actor=bob)
    # Read in the opposite order of arrival: the list must not sort by when they were read.
    Notification.objects.filter(object_id__in=Organisation.objects.filter(name="New but read").values("pk")).update(
        read_at=timezone.now() - timedelta(hours=1)
    )
    Notification.objects.filter(object_id__in=Organisation.objects.filter(name="Oldest and read").values("pk")).update(
        read_at=timezone.now()
    )
    Notification.objects.filter(object_id__in=Organisation.objects.filter(name__startswith="Old").values("pk")).update(
        created=timezone.now() - timedelta(days=1)
    )
    page = as_alice.get("/nl/notifications/").content.decode()
    assert page.index("Old but unread") < page.index("New but read") < page.index("Oldest and read")
    assert page.count("Ongelezen</span>") == 1


def test_open_marks_read_and_goes_to_the_target(stand_in, post_target, alice, bob, deliver, as_alice, post):
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    notification = Notification.objects.get()
    response = post(f"/nl/notifications/{notification.pk}/open/")
    assert response["Location"] == "/nl/stand-in/post-about-fence/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_mark_read_and_mark_all_read(stand_in, make_organisation, alice, bob, deliver, as_alice, post):
    for slug in ("one", "two", "three"):
        deliver(alice, kinds.REPLY, make_organisation(slug), actor=bob)
    first = Notification.objects.order_by("pk").first()
    post(f"/nl/notifications/{first.pk}/read/", {"next": "/nl/notifications/"})
    assert Notification.objects.filter(read_at__isnull=True).count() == 2
    response = post("/nl/notifications/read-all/")
    assert response.status_code == 302
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_nobody_can_mark_someone_elses_notification(stand_in, post_target, alice, bob, deliver, client, post):
    deliver(alice, kinds.MENTION, post_target, actor=bob)
    client.force_login(bob)
    post(f"/nl/notifications/{Notification.objects.get().pk}/read/")
    assert Notification.objects.get().read_at is None


def test_the_list_is_paged(stand_in, make_organisation, alice, bob, deliver, as_alice):
    for number in range(23):
        deliver(alice, kinds.REPLY, make_organisation(f"reply-{number}", name=f"Reply number {number}"), actor=bob)
    first_page = as_alice.get("/nl/notifications/").content.decode()
    assert first_page.count("notifications-item ") == 20
    assert "Pagina 1 van 2" in first_page
    second_page = as_alice.get("/nl/notifications/?page=2").content.decode()
    assert second_page.count("notifications-item ") == 3


class TestVisibility:
    """A notification disappears from the list and the count as soon as its target is no longer readable."""

    def test_a_hidden_target_disappears_from_list_and_count(self, stand_in, post_target, alice, bob, deliver, as_alice):
        deliver(alice, kinds.REPLY, post_target, actor=bob)
        page = as_alice.get("/nl/notifications/").content.decode()
        assert "Reply about the garden fence" in page
        assert "(1 ongelezen)" in page
        stand_in.hidden.add(post_target.slug)
        page = as_alice.get("/nl/notifications/").content.decode()
        assert "Reply about the garden fence" not in page
        assert "ongelezen)" not in page
        assert "U hebt geen meldingen." in page

    def test_a_private_canary_never_reaches_someone_outside(
        self, stand_in, make_organisation, alice, bob, deliver, client
    ):
        canary = make_organisation("canary", name="Kanariepiet in the private group")
        deliver(alice, kinds.MENTION, canary, actor=bob)
        deliver(bob, kinds.MENTION, canary, actor=alice)
        stand_in.private[canary.slug] = {bob.email}  # alice was removed from the group
        client.force_login(alice)
        assert "Kanariepiet" not in client.get("/nl/notifications/").content.decode()
        client.force_login(bob)
        assert "Kanariepiet" in client.get("/nl/notifications/").content.decode()

    def test_the_python_check_applies_when_no_queryset_was_registered(
        self, stand_in, post_target, alice, bob, deliver, as_alice
    ):
        from notifications import registry
        from notifications.registry import Target

        deliver(alice, kinds.REPLY, post_target, actor=bob)
        target = registry._targets[type(post_target)]
        registry._targets[type(post_target)] = Target(**{**target.__dict__, "visible": None})
        stand_in.hidden.add(post_target.slug)
        page = as_alice.get("/nl/notifications/").content.decode()
        assert "Reply about the garden fence" not in page
        assert "ongelezen)" not in page


def test_the_header_count_costs_the_same_for_3_or_40_notifications(
    stand_in, make_organisation, alice, bob, deliver, as_alice, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def profile_queries():
        with CaptureQueriesContext(connection) as queries:
            assert as_alice.get("/nl/accounts/profile/").status_code == 200
        return len(queries)

    for number in range(3):
        deliver(alice, kinds.REPLY, make_organisation(f"few-{number}"), actor=bob)
    few = profile_queries()
    for number in range(37):
        deliver(alice, kinds.REPLY, make_organisation(f"many-{number}"), actor=bob)
    with django_assert_max_num_queries(few):
        page = as_alice.get("/nl/accounts/profile/").content.decode()
    assert "(40 ongelezen)" in page


def test_the_header_counts_once_per_request(stand_in, post_target, alice, bob, deliver, rf):
    from django.template import Context, Template

    deliver(alice, kinds.REPLY, post_target, actor=bob)
    request = rf.get("/")
    request.user = alice
    template = Template("{% load notification_tags %}{% unread_notification_count %}")
    assert template.render(Context({"request": request})) == "1"
    Notification.objects.all().delete()
    assert template.render(Context({"request": request})) == "1"  # cached for this request


class TestSettings:
    def test_shows_the_current_choices(self, as_alice):
        page = as_alice.get("/nl/notifications/settings/").content.decode()
        assert "Meldingsinstellingen" in page
        assert "Reacties in discussies die ik volg" in page
        checked = re.findall(r'<input type="radio" name="(\w+)" value="(\w+)"[^>]*checked', page)
        assert set(checked) == {
            ("reply", "digest"),
            ("mention", "immediately"),
            ("moderation", "immediately"),
            ("membership", "immediately"),
            # Alice is an active member, so she can be assigned to a case of the case register.
            ("case_assigned", "immediately"),
            # A platform member can report posts, so they can hear what became of their reports.
            ("report_outcome", "digest"),
        }

    def test_saves_the_choices(self, alice, as_alice, post):
        data = {
            kinds.REPLY: Delivery.OFF,
            kinds.MENTION: Delivery.DIGEST,
            kinds.MODERATION: Delivery.IMMEDIATELY,
            kinds.MEMBERSHIP: Delivery.OFF,
            kinds.CASE_ASSIGNED: Delivery.DIGEST,
            kinds.REPORT_OUTCOME: Delivery.OFF,
        }
        response = post("/nl/notifications/settings/", data)
        assert response.status_code == 302
        # Alice moderates nothing and is not in the mediator pool: those kinds are not offered to her and keep their
        # defaults.
        not_offered = [kinds.REVIEW, kinds.POOL_REQUEST, kinds.POOL_OFFER, kinds.POOL_DECISION, kinds.POOL_NETWORK]
        # A suspension and a decision about a shared experience have a mail of their own: never offered, no e-mail.
        own_mail = [kinds.ACCOUNT, kinds.CONTRIBUTION]
        assert deliveries(alice) == {
            **data,
            **dict.fromkeys(not_offered, Delivery.IMMEDIATELY),
            **dict.fromkeys(own_mail, Delivery.OFF),
        }

    def test_an_invalid_choice_gets_a_message_and_saves_nothing(self, alice, as_alice, post):
        response = post("/nl/notifications/settings/", {kinds.REPLY: "weekly", kinds.MENTION: Delivery.OFF})
        assert response.status_code == 200
        page = response.content.decode()
        assert "Kies een van de mogelijkheden." in page
        assert "Kies hoe u hierover wilt horen." in page
        assert deliveries(alice)[kinds.MENTION] == Delivery.IMMEDIATELY

    def test_danish(self, client, mette):
        client.force_login(mette)
        page = client.get("/da/notifications/settings/").content.decode()
        assert "Indstillinger for notifikationer" in page
        assert "Straks på e-mail" in page
