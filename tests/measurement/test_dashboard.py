"""The dashboard pages: who reaches them (coordinators and management, nobody else), the period chosen in the
address (bad input says why and shows the default period), the printable report, the navigation entry, and a query
count that does not grow with the number of cases."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Membership
from measurement.forms.period import PeriodForm, report_year
from measurement.models import MeasurementSettings
from measurement.periods import Period
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    almere = factories.OrganisationFactory(name="Gemeente Almere", slug="almere")
    zeist = factories.OrganisationFactory(name="Gemeente Zeist", slug="zeist")
    manager = factories.member("manager@almere.example", organisation=almere)
    factories.management_access(almere, manager)
    removed = factories.member("weg@almere.example", organisation=almere)
    factories.management_access(almere, removed)
    Membership.objects.filter(user=removed).update(status=Membership.Status.REMOVED)
    return {
        "almere": almere,
        "zeist": zeist,
        "coordinator": factories.coordinator("coordinator@almere.example", organisation=almere),
        "manager": manager,
        "member": factories.member("lid@almere.example", organisation=almere),
        "zeist_coordinator": factories.coordinator("coordinator@zeist.example", organisation=zeist),
        "removed": removed,
    }


def url(name, slug="almere", **query):
    address = reverse(f"measurement:{name}", kwargs={"slug": slug})
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


# --- who gets in ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["dashboard", "report", "export_csv"])
@pytest.mark.parametrize(
    ("who", "status"),
    [("coordinator", 200), ("manager", 200), ("member", 404), ("zeist_coordinator", 404), ("removed", 403)],
)
def test_only_coordinators_and_management_read_the_figures(client, world, name, who, status):
    client.force_login(world[who])
    assert client.get(url(name)).status_code == status


def test_management_access_of_a_removed_member_who_is_still_member_elsewhere_is_a_404(client, world):
    factories.MembershipFactory(user=world["removed"], organisation=world["zeist"], status="active")
    client.force_login(world["removed"])
    assert client.get(url("dashboard")).status_code == 404


@pytest.mark.parametrize("name", ["dashboard", "report", "export_csv"])
def test_a_visitor_is_sent_to_log_in(client, world, name):
    response = client.get(url(name))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_an_unknown_organisation_is_a_404(client, world):
    client.force_login(world["coordinator"])
    assert client.get(url("dashboard", slug="bestaat-niet")).status_code == 404


def test_the_index_sends_a_reader_of_one_organisation_straight_to_its_dashboard(client, world):
    client.force_login(world["manager"])
    response = client.get(reverse("measurement:index"))
    assert response.status_code == 302 and response["Location"] == url("dashboard")


def test_the_index_lists_the_organisations_of_someone_who_reads_several(client, world):
    factories.MembershipFactory(user=world["coordinator"], organisation=world["zeist"], role="coordinator")
    client.force_login(world["coordinator"])
    response = client.get(reverse("measurement:index"))
    assert response.status_code == 200
    assert [org.slug for org in response.context["organisations"]] == ["almere", "zeist"]
    assert url("dashboard", slug="zeist") in response.content.decode()


def test_the_index_explains_to_a_plain_member_why_there_is_no_dashboard(client, world):
    client.force_login(world["member"])
    with translation.override("en"):
        response = client.get(reverse("measurement:index"))
    assert response.status_code == 200
    assert "There is no dashboard for you." in response.content.decode()


def test_the_index_sends_a_visitor_to_log_in(client, world):
    response = client.get(reverse("measurement:index"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


# --- what the page shows ------------------------------------------------------------------------------------------


def test_the_dashboard_shows_the_figures_charts_and_links(client, world):
    today = timezone.localdate()
    factories.closed_case(world["almere"], received_on=today - timedelta(days=20), closed_on=today - timedelta(days=10))
    client.force_login(world["coordinator"])
    with translation.override("en"):
        response = client.get(reverse("measurement:dashboard", kwargs={"slug": "almere"}))
    text = response.content.decode()
    assert response.status_code == 200
    assert response.context["period"] == Period.last_twelve_months(today)
    assert response.context["board"].closed == 1
    for chart_id in ("measurement-trend", "measurement-outcomes", "measurement-lead-time"):
        assert f'id="{chart_id}"' in text
    assert "css/measurement.css" in text
    for name in ("report", "export_csv", "benchmark", "settings"):
        assert reverse(f"measurement:{name}", kwargs={"slug": "almere"}).replace("/nl/", "/en/") in text
    assert "Median lead time" in text and "10 days" in text


def test_management_gets_no_link_to_the_settings(client, world):
    client.force_login(world["manager"])
    text = client.get(url("dashboard")).content.decode()
    assert url("settings") not in text and url("benchmark") in text


def test_without_a_norm_a_coordinator_is_pointed_to_the_settings(client, world):
    client.force_login(world["coordinator"])
    with translation.override("en"):
        text = client.get(reverse("measurement:dashboard", kwargs={"slug": "almere"})).content.decode()
    assert "No estimate: your organisation has not set" in text
    assert "Set the hours of a formal procedure" in text


def test_with_a_norm_the_estimate_says_its_assumption(client, world):
    MeasurementSettings.objects.create(organisation=world["almere"], formal_procedure_hours=12)
    factories.closed_case(
        world["almere"], outcome="withdrawn", closed_on=date(2026, 3, 1), received_on=date(2026, 2, 1)
    )
    client.force_login(world["manager"])
    with translation.override("en"):
        text = client.get(
            reverse("measurement:dashboard", kwargs={"slug": "almere"}) + "?start=2026-01-01&end=2026-12-31"
        ).content.decode()
    assert "one formal objection or complaint procedure takes 12 hours" in text
    assert "Change the assumption" not in text  # management does not change it


def test_figures_are_written_the_dutch_way(client, world):
    MeasurementSettings.objects.create(organisation=world["almere"], formal_procedure_hours="2.5")
    for outcome in ("withdrawn", "withdrawn", "not_resolved"):
        factories.closed_case(
            world["almere"], outcome=outcome, closed_on=date(2026, 3, 1), received_on=date(2026, 2, 1)
        )
    client.force_login(world["coordinator"])
    text = client.get(url("dashboard", start="2026-01-01", end="2026-12-31")).content.decode()
    assert "66,7%" in text  # two of three objections resolved informally
    assert "1 januari 2026" in text


def test_the_navigation_shows_the_dashboard_only_to_its_readers(client, world):
    address = reverse("measurement:index")
    client.force_login(world["manager"])
    assert f'href="{address}"' in client.get(reverse("accounts:profile")).content.decode()
    client.force_login(world["member"])
    assert f'href="{address}"' not in client.get(reverse("accounts:profile")).content.decode()


def test_the_navigation_costs_at_most_one_query(rf, world, django_assert_max_num_queries, django_assert_num_queries):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    template = Template("{% load measurement_tags %}{% dashboard_reader as show %}{{ show }}")
    with django_assert_num_queries(0):
        assert template.render(Context({"user": AnonymousUser()})) == "False"
    manager = world["manager"]
    from accounts.access import active_organisation_ids

    active_organisation_ids(manager)  # every page of a member asks this already (the case register's entry)
    with django_assert_num_queries(1):
        assert template.render(Context({"user": manager})) == "True"
        assert template.render(Context({"user": manager})) == "True"


def test_the_dashboard_does_not_grow_in_queries_with_the_number_of_cases(client, world, django_assert_max_num_queries):
    client.force_login(world["coordinator"])
    today = timezone.localdate()

    def add(number):
        for index in range(number):
            made = factories.closed_case(
                world["almere"],
                kind=("objection", "complaint")[index % 2],
                outcome=("agreement", "withdrawn", "not_resolved")[index % 3],
                received_on=today - timedelta(days=60 + index),
                closed_on=today - timedelta(days=index % 50),
                mediation_started_on=today - timedelta(days=55) if index % 4 == 0 else None,
                hours=[("handler", "1.5")],
            )
            made.contacts.create(happened_on=today - timedelta(days=index % 300))

    add(3)
    with django_assert_max_num_queries(60) as few:
        assert client.get(url("dashboard")).status_code == 200
    add(37)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url("dashboard")).status_code == 200


def test_the_report_does_not_grow_in_queries_either(client, world, django_assert_max_num_queries):
    client.force_login(world["manager"])
    year = timezone.localdate().year
    with django_assert_max_num_queries(60) as few:
        client.get(url("report", year=year))
    for index in range(20):
        factories.closed_case(world["almere"], received_on=date(year, 1, 1), closed_on=date(year, 1, 2 + index % 20))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("report", year=year))


# --- the period -------------------------------------------------------------------------------------------------


TODAY = date(2026, 12, 5)


def test_without_dates_the_period_is_the_last_twelve_months():
    form = PeriodForm({}, today=TODAY)
    assert not form.is_bound and form.period == Period(date(2026, 1, 1), TODAY)


def test_two_dates_make_the_period():
    form = PeriodForm({"start": "2025-01-01", "end": "2025-12-31"}, today=TODAY)
    assert form.period == Period.year(2025)


def test_a_missing_end_is_today_and_a_missing_start_the_default_start():
    assert PeriodForm({"start": "2026-06-01"}, today=TODAY).period == Period(date(2026, 6, 1), TODAY)
    assert PeriodForm({"end": "2026-06-30"}, today=TODAY).period == Period(date(2026, 1, 1), date(2026, 6, 30))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start": "2026-05-01", "end": "2026-04-30"}, "The end of the period cannot be before its start."),
        ({"start": "2020-01-01", "end": "2025-01-01"}, "Choose a period of at most 5 years."),
        ({"start": "morgen", "end": "2026-04-30"}, "Enter a valid date."),
        ({"start": "2026-02-30", "end": ""}, "Enter a valid date."),
        ({"start": "0001-01-01", "end": "9999-12-31"}, "Choose a period of at most 5 years."),
    ],
)
def test_bad_input_says_why_and_falls_back_to_the_default_period(data, message):
    with translation.override("en"):
        form = PeriodForm(data, today=TODAY)
        assert not form.is_valid()
        assert message in str(form.errors)
    assert form.period == Period.last_twelve_months(TODAY)


def test_five_whole_years_are_allowed():
    assert PeriodForm({"start": "2021-01-01", "end": "2025-12-31"}, today=TODAY).period == Period(
        date(2021, 1, 1), date(2025, 12, 31)
    )
    assert PeriodForm({"start": "2024-02-29", "end": "2029-02-28"}, today=TODAY).is_valid()


@pytest.mark.parametrize(
    "query",
    [
        "start=2026-05-01&end=2026-04-30",
        "start=nonsense&end=%00",
        "start=99999-01-01",
        "start=2026-01-01&end=2026-13-01",
        "end=1900-01-01",
    ],
)
def test_the_page_keeps_what_was_typed_and_shows_the_default_period(client, world, query):
    client.force_login(world["coordinator"])
    with translation.override("en"):
        response = client.get(reverse("measurement:dashboard", kwargs={"slug": "almere"}) + "?" + query)
    if response.status_code == 400:  # a NUL in the query string is refused before any view
        return
    assert response.status_code == 200
    assert response.context["period"] == Period.last_twelve_months(timezone.localdate())
    text = response.content.decode()
    assert 'id="form-errors"' in text and "Meanwhile the figures of the last twelve months are shown." in text


def test_the_typed_value_stays_in_the_field(client, world):
    client.force_login(world["coordinator"])
    text = client.get(url("dashboard", start="2026-05-01", end="2026-04-30")).content.decode()
    assert 'value="2026-05-01"' in text and 'value="2026-04-30"' in text


def test_quick_links_choose_the_current_and_the_previous_calendar_year(client, world):
    client.force_login(world["coordinator"])
    year = timezone.localdate().year
    text = client.get(url("dashboard")).content.decode()
    assert f"?start={year}-01-01&amp;end={year}-12-31" in text
    assert f"?start={year - 1}-01-01&amp;end={year - 1}-12-31" in text


# --- the printable report ---------------------------------------------------------------------------------------


def test_the_report_covers_a_chosen_year(client, world):
    factories.closed_case(world["almere"], received_on=date(2025, 3, 1), closed_on=date(2025, 3, 20))
    client.force_login(world["coordinator"])
    with translation.override("en"):
        response = client.get(reverse("measurement:report", kwargs={"slug": "almere"}) + "?year=2025")
    text = response.content.decode()
    assert response.context["period"] == Period.year(2025)
    assert response.context["board"].closed == 1
    assert "Mediation in 2025: Gemeente Almere" in text
    assert "data-print" in text and "js/measurement.js" in text and "onclick" not in text
    assert 'id="measurement-lead-time"' in text


@pytest.mark.parametrize("value", [None, "", "abc", "1999", "99999", "-1", "2030"])
def test_a_year_the_report_does_not_offer_is_the_current_year(value):
    assert report_year(value, TODAY) == 2026


def test_the_report_offers_this_year_and_the_nine_before(client, world):
    client.force_login(world["coordinator"])
    response = client.get(url("report", year="nonsense"))
    assert response.status_code == 200 and response.context["year"] == timezone.localdate().year
    assert report_year("2017", TODAY) == 2017
