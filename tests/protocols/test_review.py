"""The review lifecycle: next review dates, the daily reminder mails, and the editors' report."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts import roles
from protocols.models import ProtocolPage, add_months
from protocols.tasks import send_review_reminders

pytestmark = pytest.mark.django_db


def reviewed(days_until_due):
    """A last-reviewed date that puts the next review (12 months later) `days_until_due` days from today."""
    return add_months(timezone.localdate() + datetime.timedelta(days=days_until_due), -12)


@pytest.fixture
def owners(make_user):
    return {
        "anna": make_user("anna@almere-test.example", preferred_language="nl"),
        "bo": make_user("bo@kk-test.example", preferred_language="da"),
        "cees": make_user("cees@zeist-test.example"),
    }


def test_owner_with_two_due_protocols_gets_one_mail_naming_both(owners, make_protocol):
    make_protocol(title="Te laat protocol", review_owner=owners["anna"], last_reviewed=reviewed(-5))
    make_protocol(title="Bijna protocol", review_owner=owners["anna"], last_reviewed=reviewed(20))
    make_protocol(title="Nog lang goed", review_owner=owners["anna"], last_reviewed=reviewed(200))
    make_protocol(title="Concept te laat", review_owner=owners["anna"], last_reviewed=reviewed(-5), publish=False)
    make_protocol(title="Van Cees", review_owner=owners["cees"], last_reviewed=reviewed(90))
    offline = make_protocol(title="Offline te laat", review_owner=owners["anna"], last_reviewed=reviewed(-3))
    offline.unpublish()

    assert send_review_reminders.enqueue().return_value == 1

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@almere-test.example"]
    body = message.body
    assert "Te laat protocol" in body and "Bijna protocol" in body
    assert "te laat sinds" in body and "uiterlijk op" in body
    for absent in ("Nog lang goed", "Concept te laat", "Offline te laat", "Van Cees"):
        assert absent not in body
    assert "2 protocollen moeten worden herzien" in message.subject
    assert "/cms/pages/" in body


def test_reminders_are_sent_once_per_state_and_again_when_overdue(owners, make_protocol):
    page = make_protocol(title="Binnenkort", review_owner=owners["bo"], last_reviewed=reviewed(10))
    send_review_reminders.enqueue()
    send_review_reminders.enqueue()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Content-Language"] == "da"
    assert "En procedure skal gennemgås" in mail.outbox[0].subject

    # Time passes: the review date goes by without a review. One more mail, now about being overdue.
    ProtocolPage.objects.filter(pk=page.pk).update(next_review=timezone.localdate() - datetime.timedelta(days=1))
    send_review_reminders.enqueue()
    assert len(mail.outbox) == 2
    assert "overskredet siden" in mail.outbox[1].body


def test_the_daily_command_queues_the_task(owners, make_protocol):
    make_protocol(review_owner=owners["cees"], last_reviewed=reviewed(-1))
    call_command("send_review_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["cees@zeist-test.example"]]


def test_readers_see_when_a_protocol_was_reviewed(client, make_protocol):
    page = make_protocol(last_reviewed=datetime.date(2026, 3, 2), review_interval_months=6)
    html = client.get(page.url).content.decode()
    assert "Laatst herzien op 2 maart 2026, volgende herziening 2 september 2026" in html


def test_review_report_lists_protocols_by_status_for_editors(client, editor, make_protocol):
    make_protocol(title="Mediation bij een bezwaar: van verzoek tot verslag", last_reviewed=reviewed(-5))
    make_protocol(title="Bellen na bezwaar en informele aanpak (BIA)", last_reviewed=reviewed(20))
    make_protocol(title="Mediation tussen medewerker en leidinggevende", last_reviewed=reviewed(200))
    client.force_login(editor)
    url = reverse("protocol_review_report")
    html = client.get(url).content.decode()
    assert "Herziening te laat" in html and "Herziening binnen 30 dagen" in html and "Actueel" in html
    assert "Mediation bij een bezwaar: van verzoek tot verslag" in html

    html = client.get(url, {"review_status": "overdue"}).content.decode()
    assert "Mediation bij een bezwaar: van verzoek tot verslag" in html
    assert "Mediation tussen medewerker en leidinggevende" not in html


def test_review_report_is_for_editors_only(client, make_user):
    trainer = make_user("trainer@test.example")
    trainer.groups.add(Group.objects.get(name=roles.TRAINERS))
    client.force_login(trainer)
    response = client.get(reverse("protocol_review_report"))
    assert response.status_code in (302, 403)
    assert "Mediation bij een bezwaar" not in response.content.decode()
