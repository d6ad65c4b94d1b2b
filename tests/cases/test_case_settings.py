"""The register's settings: the organisation's coordinators choose how long closed cases are kept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from cases.choices import CaseStatus
from cases.errors import CaseError
from cases.models import CaseSettings
from cases.services import organisation as services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def almere(db):
    return factories.OrganisationFactory(name="Almere")


@pytest.fixture
def boss(almere):
    return factories.coordinator(organisation=almere)


def text_of(response) -> str:
    return " ".join(response.content.decode().split())


def test_the_page_explains_the_default_and_counts_what_the_next_run_reduces(as_user, almere, boss):
    handler = factories.member(organisation=almere)
    for closed_on in (datetime.date(2020, 1, 1), datetime.date(2021, 6, 1)):
        factories.case(
            almere,
            handler=handler,
            received_on=datetime.date(2019, 1, 1),
            status=CaseStatus.CLOSED,
            closed_on=closed_on,
            outcome="agreement",
        )
    factories.case(almere, handler=handler)
    with translation.override("en"):
        url = reverse("cases:settings", args=[almere.slug])
        response = as_user(boss).get(url)
        letters = [reverse("cases:letter_template", args=[almere.slug, code]) for code in ("nl", "da", "en")]
        log = reverse("cases:log", args=[almere.slug])
    assert response.status_code == 200
    text = text_of(response)
    assert "A closed case is kept for 24 months after it was closed." in text
    assert "With this period, 2 closed cases will be reduced at the next daily run." in text
    assert response.context["form"]["retention_months"].value() == 24
    for link in [*letters, log]:
        assert f'href="{link}"' in response.content.decode()
    assert not CaseSettings.objects.exists()  # reading the page creates nothing


def test_a_coordinator_sets_the_period(as_user, post, almere, boss):
    as_user(boss)
    url = reverse("cases:settings", args=[almere.slug])
    response = post(url, {"retention_months": "6"})
    assert response.status_code == 302 and response["Location"] == url
    settings = CaseSettings.objects.get(organisation=almere)
    assert (settings.retention_months, settings.updated_by) == (6, boss)
    post(url, {"retention_months": "120"})
    assert CaseSettings.objects.get().retention_months == 120


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "Choose at least 1 month."),
        ("121", "Choose at most 120 months."),
        ("zes", "Enter a whole number of months."),
        ("", "Enter the number of months."),
    ],
)
def test_a_period_out_of_range_is_refused_with_a_message_keeping_the_input(as_user, post, almere, boss, value, message):
    as_user(boss)
    with translation.override("en"):
        response = post(reverse("cases:settings", args=[almere.slug]), {"retention_months": value})
    assert response.status_code == 400
    assert message in text_of(response)
    assert f'value="{value}"' in response.content.decode() or not value
    assert not CaseSettings.objects.exists()


def test_the_service_refuses_a_period_out_of_range(almere, boss):
    with pytest.raises(CaseError):
        services.save_settings(almere, 0, by=boss)
    with pytest.raises(CaseError):
        services.save_settings(almere, 121, by=boss)
    assert services.save_settings(almere, 1, by=boss).retention_months == 1


def test_only_the_organisation_s_coordinators_reach_the_settings(client, as_user, post, almere):
    url = reverse("cases:settings", args=[almere.slug])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    zeist = factories.OrganisationFactory(name="Zeist")
    admin = factories.superuser()
    factories.MembershipFactory(user=admin, organisation=zeist)
    for user in (factories.member(organisation=almere), factories.coordinator(organisation=zeist), admin):
        as_user(user)
        assert client.get(url).status_code == 404
        assert post(url, {"retention_months": "6"}).status_code == 404
    assert not CaseSettings.objects.exists()
    assert client.get(reverse("cases:settings", args=["no-such-organisation"])).status_code == 404
