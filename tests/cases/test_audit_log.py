"""The audit log: every opening of a case is recorded, and the organisation's coordinators — nobody else — read who
opened or changed which case, and when."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from cases import audit
from cases.choices import CaseStatus, EventAction
from cases.models import CaseEvent
from cases.services import retention
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def almere(db):
    return factories.OrganisationFactory(name="Almere")


@pytest.fixture
def handler(almere):
    return factories.member(organisation=almere, first_name="Hanna", last_name="Handler")


@pytest.fixture
def boss(almere):
    return factories.coordinator(organisation=almere, first_name="Bea", last_name="Baas")


@pytest.fixture
def case(almere, handler):
    return factories.case(almere, handler=handler, reference="BZ-CANARY-7")


def text_of(response) -> str:
    return " ".join(response.content.decode().split())


def test_a_colleague_opening_the_case_is_in_the_coordinator_s_log_with_the_time(as_user, case, handler, boss):
    assert as_user(handler).get(reverse("cases:detail", args=[case.pk])).status_code == 200
    event = CaseEvent.objects.get(case=case, action=EventAction.OPENED)
    assert event.actor == handler
    with translation.override("en"):
        response = as_user(boss).get(reverse("cases:case_log", args=[case.pk]))
    assert response.status_code == 200
    text = text_of(response)
    assert "Hanna Handler opened the case" in text
    local = timezone.localtime(event.at)
    assert f'datetime="{local.isoformat()}"' in response.content.decode()
    assert local.strftime("%m/%d/%Y") in text
    # Reading the log is not opening the case.
    assert CaseEvent.objects.filter(case=case, action=EventAction.OPENED).count() == 1


def test_the_organisation_s_log_shows_who_what_when_and_which_case(as_user, almere, case, handler, boss):
    as_user(handler).get(reverse("cases:detail", args=[case.pk]))
    with translation.override("en"):
        response = as_user(boss).get(reverse("cases:log", args=[almere.slug]))
        case_url, log_url = case.get_absolute_url(), reverse("cases:case_log", args=[case.pk])
    assert response.status_code == 200
    text = text_of(response)
    assert "Hanna Handler" in text and "opened the case" in text
    assert f'href="{case_url}">BZ-CANARY-7</a>' in response.content.decode()
    assert log_url in response.content.decode()


def test_the_log_is_newest_first_and_filters_by_action_and_by_person(as_user, almere, case, handler, boss):
    colleague = factories.member(organisation=almere, first_name="Cor", last_name="Collega")
    start = timezone.now() - datetime.timedelta(hours=3)
    audit.record(case, handler, EventAction.CREATED, at=start)
    audit.record(case, colleague, EventAction.CONTACT, at=start + datetime.timedelta(hours=1))
    audit.record(case, handler, EventAction.OPENED, at=start + datetime.timedelta(hours=2))
    client = as_user(boss)
    url = reverse("cases:log", args=[almere.slug])
    assert [event.action for event in client.get(url).context["page"].object_list] == ["opened", "contact", "created"]
    by_action = client.get(url, {"action": "contact"}).context["page"].object_list
    assert [(event.action, event.actor) for event in by_action] == [("contact", colleague)]
    by_person = client.get(url, {"person": handler.pk}).context["page"].object_list
    assert [event.action for event in by_person] == ["opened", "created"]
    # A filter that makes no sense shows everything instead of an error.
    assert client.get(url, {"action": "nonsense", "person": "x"}).status_code == 200


def test_the_log_of_a_reduced_case_stays_readable_without_a_link_to_the_case(as_user, almere, handler, boss):
    closed = factories.case(
        almere,
        handler=handler,
        received_on=datetime.date(2019, 1, 1),
        status=CaseStatus.CLOSED,
        closed_on=datetime.date(2020, 1, 1),
        outcome="agreement",
    )
    audit.record(closed, handler, EventAction.CLOSED)
    retention.reduce_expired()
    with translation.override("en"):
        response = as_user(boss).get(reverse("cases:case_log", args=[closed.pk]))
        text = text_of(response)
        assert response.status_code == 200
        assert "The platform reduced the case to statistics" in text
        assert "Hanna Handler closed the case" in text
        assert "it can no longer be opened" in text
        assert f'href="{closed.get_absolute_url()}"' not in response.content.decode()
        log = as_user(boss).get(reverse("cases:log", args=[almere.slug]))
    assert f'href="{closed.get_absolute_url()}"' not in log.content.decode()


def test_a_non_coordinator_and_other_organisations_coordinators_get_a_404(client, as_user, almere, case, handler):
    zeist = factories.OrganisationFactory(name="Zeist")
    urls = [reverse("cases:case_log", args=[case.pk]), reverse("cases:log", args=[almere.slug])]
    for user in (handler, factories.member(organisation=almere), factories.coordinator(organisation=zeist)):
        client = as_user(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user, url)
    # Zeist's coordinator has a log of their own, without Almere's entries.
    audit.record(case, handler, EventAction.OPENED)
    response = as_user(factories.coordinator(organisation=zeist)).get(reverse("cases:log", args=[zeist.slug]))
    assert response.status_code == 200 and not response.context["page"].object_list
    assert "BZ-CANARY-7" not in response.content.decode()


def test_a_platform_administrator_gets_a_404_too(as_user, almere, case):
    admin = factories.superuser()
    factories.MembershipFactory(user=admin, organisation=factories.OrganisationFactory())
    client = as_user(admin)
    assert client.get(reverse("cases:case_log", args=[case.pk])).status_code == 404
    assert client.get(reverse("cases:log", args=[almere.slug])).status_code == 404


def test_a_visitor_is_sent_to_log_in(client, almere, case):
    for url in (reverse("cases:case_log", args=[case.pk]), reverse("cases:log", args=[almere.slug])):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_the_log_page_does_not_grow_in_queries(as_user, almere, case, handler, boss, django_assert_max_num_queries):
    url = reverse("cases:log", args=[almere.slug])
    for _ in range(3):
        audit.record(case, handler, EventAction.OPENED)
    client = as_user(boss)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for number in range(30):
        other = factories.case(almere, handler=factories.member(organisation=almere), reference=f"BZ-{number}")
        audit.record(other, boss, EventAction.CHANGED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["page"].object_list) == 33


def test_the_case_log_does_not_grow_in_queries(as_user, case, handler, boss, django_assert_max_num_queries):
    url = reverse("cases:case_log", args=[case.pk])
    for _ in range(3):
        audit.record(case, handler, EventAction.OPENED)
    client = as_user(boss)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for _ in range(30):
        audit.record(case, factories.member(organisation=case.organisation), EventAction.CONTACT)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
