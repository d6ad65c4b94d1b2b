"""The coordinators' choices: the organisation's assumptions and benchmark opt-in, and who reads the dashboard."""

from decimal import Decimal
from functools import partial

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.models import Membership
from measurement import organisation as services
from measurement.errors import MeasurementError
from measurement.models import ManagementAccess, MeasurementSettings
from tests import factories
from tests.helpers import at_once as run_at_once

pytestmark = pytest.mark.django_db

at_once = partial(run_at_once, refused=MeasurementError)


@pytest.fixture
def almere(db):
    return factories.OrganisationFactory(name="Almere")


@pytest.fixture
def boss(almere):
    return factories.coordinator(organisation=almere, first_name="Coby", last_name="Coördinator")


def text_of(response) -> str:
    return " ".join(response.content.decode().split())


# --- the settings --------------------------------------------------------------------------------------------------


def test_a_coordinator_sets_the_norm_and_the_opt_in_with_a_dutch_decimal(as_user, post, almere, boss):
    as_user(boss)
    url = reverse("measurement:settings", args=[almere.slug])
    assert as_user(boss).get(url).status_code == 200
    assert not MeasurementSettings.objects.exists()  # reading the page creates nothing
    response = post(url, {"formal_procedure_hours": "12,5", "named_in_benchmark": "on"})
    assert response.status_code == 302 and response["Location"] == url
    saved = MeasurementSettings.objects.get(organisation=almere)
    assert (saved.formal_procedure_hours, saved.named_in_benchmark, saved.updated_by) == (Decimal("12.5"), True, boss)
    post(url, {"formal_procedure_hours": ""})
    saved.refresh_from_db()
    assert (saved.formal_procedure_hours, saved.named_in_benchmark) == (None, False)
    assert MeasurementSettings.objects.count() == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "Give at least 1 hour."),
        ("500.5", "Give at most 500 hours."),
        ("twaalf", "Enter a number of hours, such as 12 or 12.5."),
        ("12.25", "Give at most one decimal."),
    ],
)
def test_bad_hours_are_refused_with_a_message_keeping_what_was_typed(as_user, post, almere, boss, value, message):
    as_user(boss)
    with translation.override("en"):
        response = post(
            reverse("measurement:settings", args=[almere.slug]),
            {"formal_procedure_hours": value, "named_in_benchmark": "on"},
        )
    assert response.status_code == 400
    assert message in text_of(response)
    assert f'value="{value}"' in response.content.decode()
    assert response.context["form"]["named_in_benchmark"].value() is True
    assert not MeasurementSettings.objects.exists()


def test_the_page_explains_what_being_named_means(as_user, almere, boss):
    with translation.override("en"):
        response = as_user(boss).get(reverse("measurement:settings", args=[almere.slug]))
    text = text_of(response)
    assert "Show our figures under our name to the other organisations of our networks" in text
    assert "only count inside the average of the others" in text


def test_the_service_refuses_hours_out_of_range_and_non_coordinators(almere, boss):
    with pytest.raises(MeasurementError):
        services.save_settings(almere, formal_procedure_hours=Decimal("0.5"), named_in_benchmark=False, by=boss)
    with pytest.raises(MeasurementError):
        services.save_settings(
            almere,
            formal_procedure_hours=Decimal(10),
            named_in_benchmark=True,
            by=factories.member(organisation=almere),
        )
    assert not MeasurementSettings.objects.exists()


# --- who may -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["settings", "access"])
def test_only_the_organisation_s_coordinators_reach_the_choices(client, as_user, almere, boss, name):
    url = reverse(f"measurement:{name}", args=[almere.slug])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    manager = factories.member(organisation=almere)
    factories.management_access(almere, manager, granted_by=boss)
    for outsider in (
        factories.member(organisation=almere),
        manager,
        factories.coordinator(),
    ):
        assert as_user(outsider).get(url).status_code == 404
        assert as_user(outsider).post(url, {}).status_code == 404
    # a coordinator whose membership is not active is told membership is needed, like anywhere in the practice layer
    pending = factories.person(organisation=almere, role=Membership.Role.COORDINATOR, status=Membership.Status.PENDING)
    assert as_user(pending).get(url).status_code == 403
    assert as_user(boss).get(url).status_code == 200


# --- management access ---------------------------------------------------------------------------------------------


def test_a_coordinator_gives_a_member_access_and_the_member_then_reads_the_dashboard(as_user, post, almere, boss):
    hanna = factories.member(organisation=almere, first_name="Hanna", last_name="Handler")
    as_user(boss)
    url = reverse("measurement:access", args=[almere.slug])
    response = post(url, {"member": hanna.pk})
    assert response.status_code == 302
    access = ManagementAccess.objects.get()
    assert (access.organisation, access.user, access.granted_by) == (almere, hanna, boss)
    with translation.override("en"):
        text = text_of(as_user(boss).get(reverse("measurement:access", args=[almere.slug])))
    assert "Hanna Handler" in text and "given by Coby Coördinator on" in text
    benchmark = reverse("measurement:benchmark", args=[almere.slug])
    assert as_user(hanna).get(benchmark).status_code == 200


def test_the_choice_holds_only_active_members_who_are_not_coordinators_and_have_no_access(as_user, almere, boss):
    free = factories.member(organisation=almere, first_name="Vrij")
    given = factories.member(organisation=almere, first_name="Al")
    factories.management_access(almere, given)
    pending = factories.person(organisation=almere, status=Membership.Status.PENDING, first_name="Wacht")
    other = factories.member(first_name="Elders")
    choices = list(services.grantable_members(almere))
    assert choices == [free]
    page = as_user(boss).get(reverse("measurement:access", args=[almere.slug])).content.decode()
    for person in (given, pending, other, boss):
        assert f'value="{person.pk}"' not in page


@pytest.mark.parametrize("who", ["non-member", "pending", "coordinator"])
def test_access_for_anyone_but_an_active_member_is_refused_with_a_message(as_user, post, almere, boss, who):
    person = {
        "non-member": lambda: factories.member(),
        "pending": lambda: factories.person(organisation=almere, status=Membership.Status.PENDING),
        "coordinator": lambda: factories.coordinator(organisation=almere),
    }[who]()
    as_user(boss)
    with translation.override("en"):
        response = post(reverse("measurement:access", args=[almere.slug]), {"member": person.pk})
    assert response.status_code == 400
    assert "Choose an active member of your organisation who is not a coordinator" in text_of(response)
    with pytest.raises(MeasurementError):
        services.grant_access(almere, person, granted_by=boss)
    assert not ManagementAccess.objects.exists()


def test_the_service_says_why_it_refuses(almere, boss):
    with translation.override("en"):
        with pytest.raises(MeasurementError, match="Only active members of the organisation"):
            services.grant_access(almere, factories.member(), granted_by=boss)
        with pytest.raises(MeasurementError, match="reads the dashboard already"):
            services.grant_access(almere, factories.coordinator(organisation=almere), granted_by=boss)
        hanna = factories.member(organisation=almere, first_name="Hanna", last_name="Handler")
        services.grant_access(almere, hanna, granted_by=boss)
        with pytest.raises(MeasurementError, match="Hanna Handler has management access already"):
            services.grant_access(almere, hanna, granted_by=boss)
        with pytest.raises(MeasurementError, match="Only a coordinator"):
            services.grant_access(almere, factories.member(organisation=almere), granted_by=hanna)


def test_a_coordinator_revokes_access_after_confirming(as_user, post, almere, boss):
    hanna = factories.member(organisation=almere)
    access = factories.management_access(almere, hanna, granted_by=boss)
    url = reverse("measurement:revoke_access", args=[almere.slug, access.pk])
    as_user(boss)
    confirm = as_user(boss).get(url)
    assert confirm.status_code == 200 and 'method="post"' in confirm.content.decode()
    assert ManagementAccess.objects.exists()
    response = post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("measurement:access", args=[almere.slug])
    assert not ManagementAccess.objects.exists()
    assert as_user(hanna).get(reverse("measurement:benchmark", args=[almere.slug])).status_code == 404


def test_nobody_else_revokes_and_another_organisation_s_access_is_not_found(as_user, post, almere, boss):
    hanna = factories.member(organisation=almere)
    access = factories.management_access(almere, hanna, granted_by=boss)
    url = reverse("measurement:revoke_access", args=[almere.slug, access.pk])
    for outsider in (hanna, factories.member(organisation=almere), factories.coordinator()):
        as_user(outsider)
        assert post(url).status_code == 404
    lelystad = factories.OrganisationFactory(name="Lelystad")
    foreign = factories.management_access(lelystad, factories.member(organisation=lelystad))
    as_user(boss)
    assert post(reverse("measurement:revoke_access", args=[almere.slug, foreign.pk])).status_code == 404
    assert ManagementAccess.objects.count() == 2


def test_the_access_page_keeps_a_fixed_number_of_queries(as_user, almere, boss, django_assert_max_num_queries):
    client = as_user(boss)
    url = reverse("measurement:access", args=[almere.slug])
    factories.management_access(almere, factories.member(organisation=almere), granted_by=boss)
    with django_assert_max_num_queries(25) as few:
        client.get(url)
    for _number in range(8):
        factories.management_access(almere, factories.member(organisation=almere), granted_by=boss)
        factories.member(organisation=almere)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_granting_the_same_access_at_once_make_one_row(committed_db):
    almere = factories.OrganisationFactory(name="Almere")
    coby, carla = factories.coordinator(organisation=almere), factories.coordinator(organisation=almere)
    hanna = factories.member(organisation=almere, first_name="Hanna", last_name="Handler")
    results, errors = at_once(
        (services.grant_access, (almere, hanna), {"granted_by": coby}),
        (services.grant_access, (almere, hanna), {"granted_by": carla}),
    )
    assert len(results) == 1
    assert errors == ["Hanna Handler has management access already."]
    assert ManagementAccess.objects.filter(organisation=almere, user=hanna).count() == 1
