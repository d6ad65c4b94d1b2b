"""Who hears of requests, offers and decisions, in which language, and only while they may still read them."""

import pytest
from django.core import mail
from django.utils import translation

from notifications.kinds import Kind
from notifications.models import Notification
from notifications.registry import kinds_for, render
from pool import notifications as pool_notifications
from pool.models import ConflictDeclaration, NetworkMembership
from pool.services import requests as services
from tests import factories
from tests.pool.request_world import ask, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return build()


def recipients(kind, target=None):
    rows = Notification.objects.filter(kind=kind)
    if target is not None:
        rows = rows.filter(object_id=target.pk)
    return {n.recipient for n in rows}


def new_request(w, committed):
    with committed():
        return services.create_request(
            w.network,
            w.almere_coordinator,
            organisation=w.almere,
            title="Spanning in het team Belastingen",
            conflict_kind="employer_employee",
            domain="taxes",
            language="nl",
            urgency="urgent",
            description="Twee collega's en hun leidinggevende komen er samen niet meer uit.",
        )


def test_a_new_request_reaches_the_pool_mediators_of_the_other_organisations_only(w, committed):
    new_request(w, committed)
    assert recipients(Kind.POOL_REQUEST) == {w.zeist_mediator_user, w.utrecht_mediator_user}
    # Not Almere's own mediator, not the asker, not Lelystad (another network), not plain members.


def test_mediators_who_declared_a_conflict_or_are_not_confirmed_are_not_told(w, committed):
    mediator_request = ask(w)
    ConflictDeclaration.objects.create(request=mediator_request, mediator=w.zeist_mediator)
    factories.mediator(organisation=w.zeist, consent="pending")
    with committed():
        assert pool_notifications.notify_pool_mediators(mediator_request.pk) == 1
    assert recipients(Kind.POOL_REQUEST) == {w.utrecht_mediator_user}


def test_the_mail_is_in_the_recipients_language_and_carries_no_contact_details(w, committed):
    mediator_request = new_request(w, committed)
    danish = next(m for m in mail.outbox if m.to == [w.utrecht_mediator_user.email])
    dutch = next(m for m in mail.outbox if m.to == [w.zeist_mediator_user.email])
    assert danish.extra_headers["Content-Language"] == "da"
    assert f"/da/pool/requests/{mediator_request.pk}/" in danish.body
    assert dutch.extra_headers["Content-Language"] == "nl"
    assert f"/nl/pool/requests/{mediator_request.pk}/" in dutch.body
    assert "Spanning in het team Belastingen" in dutch.subject
    for message in (danish, dutch):
        assert w.almere_coordinator.email not in message.body
        assert "Twee collega's" not in message.body, "the excerpt is built from the choices, not the free text"


def test_an_offer_tells_the_requester_and_the_requesting_coordinators_not_the_mediator(w, committed):
    second_coordinator = factories.coordinator("aart.coordinator@almere.example", organisation=w.almere)
    mediator_request = ask(w)
    with committed():
        offer = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "Ik kan in januari.")
    assert recipients(Kind.POOL_OFFER, offer) == {w.almere_coordinator, second_coordinator}
    with translation.override("en"):
        shown = render(w.almere_coordinator, offer)
    assert shown.title == mediator_request.title
    assert shown.excerpt == "A mediator of Gemeente Zeist offers to take this request."


def test_a_choice_tells_the_mediator_and_asks_the_lending_coordinators(w, committed):
    mediator_request = ask(w)
    offer = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    Notification.objects.all().delete()
    with committed():
        services.choose_offer(offer.pk, w.almere_coordinator)
    assert recipients(Kind.POOL_DECISION) == {w.zeist_mediator_user}
    assert recipients(Kind.POOL_OFFER) == {w.zeist_coordinator}
    assert w.zeist_coordinator.email in {m.to[0] for m in mail.outbox}


def test_approval_and_refusal_tell_the_mediator_and_the_requester(w, committed):
    mediator_request = ask(w)
    offer = services.make_offer(mediator_request.pk, w.zeist_mediator_user, "")
    services.choose_offer(offer.pk, w.almere_coordinator)
    Notification.objects.all().delete()
    with committed():
        services.refuse_offer(offer.pk, w.zeist_coordinator, "Volgeboekt.")
    assert recipients(Kind.POOL_DECISION) == {w.zeist_mediator_user, w.almere_coordinator}

    other = services.make_offer(mediator_request.pk, w.utrecht_mediator_user, "")
    services.choose_offer(other.pk, w.almere_coordinator)
    Notification.objects.all().delete()
    mail.outbox = []
    with committed():
        services.approve_offer(other.pk, w.utrecht_coordinator)
    assert recipients(Kind.POOL_DECISION) == {w.utrecht_mediator_user, w.almere_coordinator}
    assert w.utrecht_coordinator not in recipients(Kind.POOL_DECISION), "never the actor"
    assert mail.outbox
    for message in mail.outbox:
        for detail in (w.utrecht_mediator_user.email, w.almere_coordinator.email, "030 123 4567"):
            assert detail not in message.body, "no contact details in the mail"


def test_a_mediator_whose_organisation_left_the_network_no_longer_gets_it(w, committed):
    mediator_request = ask(w)
    NetworkMembership.objects.filter(network=w.network, organisation=w.utrecht).update(status="left")
    with committed():
        pool_notifications.notify_pool_mediators(mediator_request.pk)
    assert recipients(Kind.POOL_REQUEST) == {w.zeist_mediator_user}
    assert render(w.utrecht_mediator_user, mediator_request) is None


def test_a_notification_is_checked_again_when_the_mail_goes_out(w, committed, task_queue_pool):
    with committed():
        mediator_request = services.create_request(
            w.network,
            w.almere_coordinator,
            organisation=w.almere,
            title="Later verlaten",
            conflict_kind="between_organisations",
            domain="social",
            language="nl",
            urgency="normal",
            description="Twee organisaties en een gedeelde voorziening.",
        )
    task_queue_pool.run_announcements()
    assert w.zeist_mediator_user in recipients(Kind.POOL_REQUEST)
    # Zeist leaves the network before the queued mail is sent.
    NetworkMembership.objects.filter(network=w.network, organisation=w.zeist).update(status="left")
    task_queue_pool.run_mails()
    assert [m.to for m in mail.outbox] == [[w.utrecht_mediator_user.email]]
    assert render(w.zeist_mediator_user, mediator_request) is None


def test_only_the_people_concerned_see_the_pool_settings(w):
    assert Kind.POOL_REQUEST in kinds_for(w.zeist_mediator_user)
    assert Kind.POOL_REQUEST not in kinds_for(w.almere_member)
    assert Kind.POOL_OFFER in kinds_for(w.almere_coordinator)
    assert Kind.POOL_OFFER not in kinds_for(w.zeist_mediator_user)
    assert Kind.POOL_DECISION in kinds_for(w.zeist_mediator_user)
    assert Kind.POOL_DECISION not in kinds_for(w.almere_member)
    assert not {Kind.POOL_REQUEST, Kind.POOL_OFFER, Kind.POOL_DECISION} & set(kinds_for(w.outsider))


@pytest.fixture
def task_queue_pool(settings, committed):
    """A real queue: enqueued tasks wait until run, so the world can change in between."""
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    class Queue:
        def _run(self, name):
            backend = task_backends["default"]
            for result in [r for r in backend.results if r.task.func.__name__ == name]:
                backend.results.remove(result)
                with committed():
                    result.task.call(*result.args, **result.kwargs)

        def run_announcements(self):
            self._run("announce_new_request")

        def run_mails(self):
            self._run("send_notification_email")

    return Queue()
