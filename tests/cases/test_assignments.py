"""Who works on a case: coordinators assign active members of the case's organisation, the person assigned is told
(with nothing but the organisation and the reference), and someone unassigned before delivery hears nothing."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from cases import permissions
from cases.choices import EventAction
from cases.errors import CaseError
from cases.models import Assignment, CaseEvent
from cases.services import register as services
from notifications.kinds import Kind
from notifications.models import Notification
from notifications.registry import render
from tests import factories
from tests.cases.register_world import build

pytestmark = pytest.mark.django_db


@pytest.fixture
def w():
    return build()


def url(w):
    return reverse("cases:assignments", args=[w.case.pk])


def test_a_coordinator_assigns_a_colleague_who_is_told_and_may_then_open_the_case(client, w, post):
    client.force_login(w.coordinator)
    page = client.get(url(w)).content.decode()
    assert "Cor" in page and "Zeno" not in page  # only the organisation's active members to choose from
    response = post(url(w), {"user": w.colleague.pk, "role": "colleague"})
    assert response.status_code == 302
    assert Assignment.objects.get(case=w.case, user=w.colleague).role == "colleague"
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.ASSIGNED).count() == 1

    told = Notification.objects.get(recipient=w.colleague)
    assert told.kind == Kind.CASE_ASSIGNED and told.target == w.case
    with translation.override("en"):
        shown = render(w.colleague, w.case)
    assert shown.title == "Gemeente Almere · BZ-2026-0042"
    assert shown.excerpt == "You were assigned to a case of Gemeente Almere."
    assert shown.url == f"/en/cases/{w.case.pk}/"
    sent = [message for message in mail.outbox if w.colleague.email in message.to]
    assert len(sent) == 1
    assert "BZ-2026-0042" in sent[0].subject
    assert w.case.summary not in sent[0].body and w.case.summary not in sent[0].subject

    client.force_login(w.colleague)
    assert client.get(w.case.get_absolute_url()).status_code == 200


def test_only_active_members_of_the_case_organisation_can_be_assigned(client, w, post):
    pending = factories.person("pending@almere.example", organisation=w.almere, status="pending")
    client.force_login(w.coordinator)
    for user in (w.zeist_coordinator, pending):
        with translation.override("en"):
            response = post(url(w), {"user": user.pk, "role": "colleague"})
        assert response.status_code == 200
        assert "Choose an active member of the case&#x27;s organisation." in response.content.decode()
        assert not Assignment.objects.filter(case=w.case, user=user).exists()
    with pytest.raises(CaseError):
        services.assign(w.case.pk, w.zeist_coordinator, "colleague", w.coordinator)


def test_only_the_organisation_coordinators_assign(w):
    with pytest.raises(CaseError):
        services.assign(w.case.pk, w.colleague, "colleague", w.handler)
    with pytest.raises(CaseError):
        services.assign(w.case.pk, w.colleague, "colleague", w.zeist_coordinator)
    assert not Assignment.objects.filter(case=w.case, user=w.colleague).exists()


def test_unassigning_takes_the_case_away_and_is_logged(client, w, post):
    colleague = Assignment.objects.create(case=w.case, user=w.colleague, role="colleague")
    client.force_login(w.coordinator)
    remove = reverse("cases:unassign", args=[w.case.pk, colleague.pk])
    assert client.get(remove).status_code == 405
    assert post(remove).status_code == 302
    assert not Assignment.objects.filter(pk=colleague.pk).exists()
    assert CaseEvent.objects.filter(case=w.case, action=EventAction.ASSIGNED).count() == 1
    client.force_login(w.colleague)
    assert client.get(w.case.get_absolute_url()).status_code == 404


def test_the_last_handler_stays_until_another_handler_is_assigned(client, w, post):
    """A case always has someone answerable for it towards the citizen and the statutory deadline."""
    handler = Assignment.objects.get(case=w.case, user=w.handler)
    client.force_login(w.coordinator)
    with translation.override("en"):
        response = post(reverse("cases:unassign", args=[w.case.pk, handler.pk]), follow=True)
    assert "A case keeps at least one handler: assign another handler first." in response.content.decode()
    assert Assignment.objects.filter(pk=handler.pk).exists()
    with pytest.raises(CaseError):
        services.assign(w.case.pk, w.handler, "colleague", w.coordinator)  # demoting the last handler

    post(url(w), {"user": w.colleague.pk, "role": "handler"})
    post(reverse("cases:unassign", args=[w.case.pk, handler.pk]))
    assert list(w.case.assignments.values_list("user", "role")) == [(w.colleague.pk, "handler")]


def test_someone_unassigned_before_delivery_is_not_shown_or_mailed_the_notification(client, w, settings, committed):
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with committed():
        assignment = services.assign(w.case.pk, w.colleague, "colleague", w.coordinator)
    backend = task_backends["default"]
    # The worker records the notification, which queues its mail.
    for result in [r for r in backend.results if r.task.func.__name__ == "record_notifications"]:
        result.task.call(*result.args, **result.kwargs)
    told = Notification.objects.get(recipient=w.colleague, kind=Kind.CASE_ASSIGNED)
    services.unassign(w.case.pk, assignment.pk, w.coordinator)
    permissions.forget_assignments(w.colleague)

    assert render(w.colleague, w.case) is None
    waiting = [r for r in backend.results if r.task.func.__name__ == "send_notification_email"]
    assert waiting
    with committed():
        assert [result.task.call(*result.args, **result.kwargs) for result in waiting] == [False]
    assert not [message for message in mail.outbox if w.colleague.email in message.to]
    client.force_login(w.colleague)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "BZ-2026-0042" not in page
    assert told.pk  # recorded, never shown
