"""The implementation trajectory: the programme page, and each organisation's progress, private to its members."""

import importlib
import re
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Membership, Organisation, User
from knowledge.training import services
from knowledge.training.models import ImplementationProgrammePage, TrajectoryStepStatus
from knowledge.training.steps import STEP_KEYS, STEP_LABELS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

CANARY = "kanarie-notitie-7731"


def overview(slug="amersfoort"):
    return reverse("training:trajectory", kwargs={"slug": slug})


def edit(slug="amersfoort"):
    return reverse("training:trajectory_edit", kwargs={"slug": slug})


def formset_data(rows):
    data = {
        "steps-TOTAL_FORMS": str(len(rows)),
        "steps-INITIAL_FORMS": str(len(rows)),
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "11",
    }
    for number, row in enumerate(rows):
        data.update({f"steps-{number}-{key}": value for key, value in row.items()})
    return data


def all_rows(**changes):
    rows = []
    for key in STEP_KEYS:
        row = {
            "step": key,
            "approach": "not_decided",
            "status": "not_started",
            "note": "",
            "provider": "",
            "planned_on": "",
            "done_on": "",
        }
        row.update(changes.get(key, {}))
        rows.append(row)
    return rows


def test_the_programme_page_lists_the_eleven_steps_in_order_with_their_modules(client):
    for language in ("nl", "da", "en"):
        page = ImplementationProgrammePage.objects.get(locale__language_code=language)
        assert [block.value["key"] for block in page.steps] == STEP_KEYS
    html = client.get(ImplementationProgrammePage.objects.get(locale__language_code="nl").url).content.decode()
    assert html.index("Bestuur bewust maken") < html.index("Meelopen met ervaren mediators")
    assert "Specialisatie overheidsmediator" in html


def test_the_coordinator_records_progress_and_members_see_the_chart(client, post):
    coordinator = User.objects.get(email="coordinator@amersfoort.example")
    client.force_login(coordinator)
    response = post(
        edit(),
        formset_data(
            all_rows(
                kick_off={"status": "done", "approach": "outsourced", "note": CANARY},
                measuring={"status": "in_progress"},
            )
        ),
    )
    assert response.status_code == 302 and response.url == overview()
    row = TrajectoryStepStatus.objects.get(organisation__slug="amersfoort", step="kick_off")
    assert (row.approach, row.status, row.note, row.updated_by) == ("outsourced", "done", CANARY, coordinator)

    html = client.get(overview()).content.decode()
    assert CANARY in html
    assert "Klaar: 1 van 11 stappen" in html
    assert "Voortgang in één oogopslag" in html


def test_bad_input_is_reported_and_nothing_typed_is_lost(client):
    client.force_login(User.objects.get(email="coordinator@amersfoort.example"))
    rows = all_rows(kick_off={"note": "bewaar mij"}, measuring={"status": "half"})
    response = client.post(edit(), formset_data(rows))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Controleer het volgende" in html and "Selecteer een geldige keuze" in html
    assert "bewaar mij" in html
    assert not TrajectoryStepStatus.objects.filter(note="bewaar mij").exists()


def test_the_trajectory_is_private_to_the_organisations_members(client, make_user):
    TrajectoryStepStatus.objects.filter(organisation__slug="amersfoort", step="kick_off").update(note=CANARY)
    colleague = make_user("collega@amersfoort.example", organisation=Organisation.objects.get(slug="amersfoort"))
    client.force_login(colleague)
    assert CANARY in client.get(overview()).content.decode()
    assert client.get(edit()).status_code == 404, "members see, only the coordinator edits"

    for email in ("lid@almere.example", "trainer@zeist.example", "redacteur@almere.example"):
        client.force_login(User.objects.get(email=email))
        response = client.get(overview())
        assert response.status_code == 404 and CANARY not in response.content.decode()
        assert client.get(edit()).status_code == 404
        assert client.post(edit(), formset_data(all_rows())).status_code == 404
    client.logout()
    assert CANARY not in client.get(overview(), follow=True).content.decode()
    programme = ImplementationProgrammePage.objects.get(locale__language_code="nl")
    assert CANARY not in client.get(programme.url).content.decode()
    assert TrajectoryStepStatus.objects.get(organisation__slug="amersfoort", step="kick_off").note == CANARY


def test_the_danish_overview_speaks_danish(client, make_user):
    member = make_user("medarbejder@kk.example", organisation=Organisation.objects.get(slug="koebenhavn"))
    client.force_login(member)
    html = client.get("/da/training/trajectory/koebenhavn/").content.decode()
    assert "Implementeringsforløb for Københavns Kommune" in html
    assert "Færdig: 0 af 11 trin" in html
    assert "Opstartsmøde" in html, "the Danish page's own step title"


# Not decided yet, by default


def untouched_form_data(response):
    """What the edit form sends when the coordinator changes nothing and presses save."""
    formset = response.context["formset"]
    data = {f"steps-{key}": value for key, value in formset.management_form.initial.items()}
    for form in formset.forms:
        for name, field in form.fields.items():
            value = form[name].value()
            formatted = field.widget.format_value(value)
            data[form.add_prefix(name)] = "" if formatted is None else formatted
    return data


def test_saving_the_untouched_form_stores_no_choice_nobody_made(client, post, make_user):
    organisation = Organisation.objects.get(slug="koebenhavn")
    coordinator = make_user("koordinator@kk.example", organisation=organisation, role=Membership.Role.COORDINATOR)
    client.force_login(coordinator)
    response = client.get(edit("koebenhavn"))
    formset = response.context["formset"]
    assert {form["approach"].value() for form in formset.forms} == {"not_decided"}

    assert post(edit("koebenhavn"), untouched_form_data(response)).status_code == 302
    assert not organisation.trajectory_steps.filter(approach="ourselves").exists()
    assert not organisation.trajectory_steps.exists(), "nothing was chosen, so nothing is stored"
    summary = services.trajectory_summary(services.trajectory(organisation))
    assert summary["approach_chart"].series[0].values == [11, 0, 0, 0]


def test_a_saved_step_keeps_its_choice_when_the_form_is_sent_again_unchanged(client, post):
    client.force_login(User.objects.get(email="coordinator@amersfoort.example"))
    before = {row.step: (row.approach, row.status, row.updated_at) for row in TrajectoryStepStatus.objects.all()}
    assert post(edit(), untouched_form_data(client.get(edit()))).status_code == 302
    after = {row.step: (row.approach, row.status, row.updated_at) for row in TrajectoryStepStatus.objects.all()}
    assert after == before


# The chart's numbers


def test_the_charts_count_every_step_and_an_unrecorded_one_as_not_decided_and_not_started(client, make_user):
    organisation = Organisation.objects.get(slug="koebenhavn")
    crafted = {
        "board_awareness": ("outsourced", "done"),
        "kick_off": ("ourselves", "done"),
        "internal_mediators": ("outsourced", "in_progress"),
        "measuring": ("ourselves", "in_progress"),
        "communication": ("not_planned", "not_started"),
        "embedding": ("not_decided", "in_progress"),
    }
    for step, (approach, status) in crafted.items():
        TrajectoryStepStatus.objects.create(organisation=organisation, step=step, approach=approach, status=status)

    with translation.override("en"):
        summary = services.trajectory_summary(services.trajectory(organisation))
        status, approach = summary["status_chart"], summary["approach_chart"]
        assert status.categories == ["Not started", "In progress", "Done"]
        assert approach.categories == ["Not decided yet", "Done by ourselves", "Outsourced", "Not planned"]
    assert status.series[0].values == [6, 3, 2]  # five unrecorded steps and "communication" not started
    assert approach.series[0].values == [6, 2, 2, 1]  # five unrecorded steps and "embedding" not decided
    assert sum(status.series[0].values) == sum(approach.series[0].values) == summary["total"] == 11
    assert summary["done"] == 2

    member = make_user("medarbejder@kk.example", organisation=organisation)
    client.force_login(member)
    html = client.get(overview("koebenhavn")).content.decode()
    for chart in (status, approach):
        figure = html[html.index(f'id="{chart.id}"') : html.index("</figure>", html.index(f'id="{chart.id}"'))]
        assert [int(value) for value in re.findall(r'data-value="(\d+)"', figure)] == chart.series[0].values
    assert 'data-chart="bar"' in html and "training-chart__bar" not in html


def test_the_next_planned_steps_are_those_not_done_earliest_first():
    organisation = Organisation.objects.get(slug="koebenhavn")
    today = timezone.localdate()
    for step, status, days in [
        ("kick_off", "done", 5),
        ("measuring", "not_started", 40),
        ("communication", "in_progress", -3),
        ("embedding", "not_started", 10),
        ("shadowing", "not_started", 90),
    ]:
        TrajectoryStepStatus.objects.create(
            organisation=organisation, step=step, status=status, planned_on=today + timedelta(days=days)
        )
    summary = services.trajectory_summary(services.trajectory(organisation))
    assert [row.step for row in summary["next_planned"]] == ["communication", "embedding", "measuring"]


# The editors' titles


def test_the_steps_carry_the_editors_titles_in_the_active_language(client):
    page = ImplementationProgrammePage.objects.get(locale__language_code="nl")
    assert services.step_titles(page)["kick_off"] == "Startbijeenkomst"
    for block in page.steps:
        if block.value["key"] == "measuring":
            block.value["title"] = "Meten is weten bij ons"
    page.save_revision().publish()

    client.force_login(User.objects.get(email="coordinator@amersfoort.example"))
    assert "Meten is weten bij ons" in client.get(overview()).content.decode()
    assert "4. Meten is weten bij ons" in client.get(edit()).content.decode()
    with translation.override("nl"):
        rows = services.trajectory(Organisation.objects.get(slug="amersfoort"))
    assert rows[3].title == "Meten is weten bij ons"
    assert rows[4].title == "Directie en management"


def test_without_a_programme_page_in_the_language_the_steps_keep_their_built_in_labels(client):
    ImplementationProgrammePage.objects.filter(locale__language_code="en").update(live=False)
    with translation.override("en"):
        titles = services.step_titles()
        assert titles == {key: str(label) for key, label in STEP_LABELS.items()}
        assert titles["measuring"] == "Measuring: knowing where you stand"
    client.force_login(User.objects.get(email="coordinator@amersfoort.example"))
    html = client.get(overview().replace("/nl/", "/en/", 1)).content.decode()
    assert "Measuring: knowing where you stand" in html


def test_a_step_without_a_title_on_the_page_keeps_its_built_in_label():
    blocks = [{"key": "kick_off", "title": "Aftrap"}, {"key": "measuring", "title": ""}]
    page = SimpleNamespace(steps=[SimpleNamespace(value=value) for value in blocks])
    with translation.override("en"):
        titles = services.step_titles(page)
    assert titles["kick_off"] == "Aftrap"
    assert titles["measuring"] == "Measuring: knowing where you stand"
    assert titles["shadowing"] == "Gaining experience by shadowing experienced mediators"


# Dates and the provider


def test_an_outsourced_step_records_its_provider_and_dates(client, post):
    client.force_login(User.objects.get(email="coordinator@amersfoort.example"))
    done = timezone.localdate() - timedelta(days=10)
    rows = all_rows(
        kick_off={
            "approach": "outsourced",
            "status": "done",
            "provider": "Bureau De Brug",
            "done_on": done.isoformat(),
        },
        measuring={"planned_on": "2020-03-01"},  # a planned date may be in the past: the step is late
    )
    assert post(edit(), formset_data(rows)).status_code == 302
    kick_off = TrajectoryStepStatus.objects.get(organisation__slug="amersfoort", step="kick_off")
    assert (kick_off.provider, kick_off.done_on) == ("Bureau De Brug", done)
    assert TrajectoryStepStatus.objects.get(organisation__slug="amersfoort", step="measuring").planned_on == date(
        2020, 3, 1
    )
    html = client.get(overview()).content.decode()
    assert "Bureau De Brug" in html
    assert "1 maart 2020" in html, "dates shown in the reader's language"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"approach": "ourselves", "provider": "Bureau De Brug"},
            "provider",
            "A provider belongs to an outsourced step: choose “Outsourced” or leave the provider empty.",
        ),
        (
            {"status": "in_progress", "done_on": "2024-05-01"},
            "done_on",
            "A date done belongs to a step that is done: choose “Done” or clear the date.",
        ),
        ({"status": "done", "done_on": "future"}, "done_on", "The date done cannot be in the future."),
        ({"planned_on": "31-31-2025"}, "planned_on", None),
    ],
)
def test_dates_and_provider_that_do_not_fit_are_refused_and_nothing_typed_is_lost(client, changes, field, message):
    client.force_login(User.objects.get(email="coordinator@amersfoort.example"))
    if changes.get("done_on") == "future":
        changes["done_on"] = (timezone.localdate() + timedelta(days=1)).isoformat()
    rows = all_rows(kick_off={**changes, "note": "bewaar mij"})
    before = list(TrajectoryStepStatus.objects.values_list("step", "approach", "status", "note", "provider"))
    with translation.override("en"):
        response = client.post(edit().replace("/nl/", "/en/", 1), formset_data(rows))
        assert response.status_code == 200
        form = response.context["formset"].forms[STEP_KEYS.index("kick_off")]
        assert list(form.errors) == [field]
        if message:
            assert form.errors[field] == [message]
            page = response.content.decode()
            assert message.replace("“", "&ldquo;") in page or message in page
    html = response.content.decode()
    assert "bewaar mij" in html
    for value in changes.values():
        assert value in html
    assert list(TrajectoryStepStatus.objects.values_list("step", "approach", "status", "note", "provider")) == before


def test_the_pages_need_the_same_number_of_queries_however_many_steps_are_recorded(
    client, django_assert_max_num_queries
):
    client.force_login(User.objects.get(email="coordinator@amersfoort.example"))
    for url in (overview(), edit()):
        with django_assert_max_num_queries(20):
            assert client.get(url).status_code == 200


# The data migration


def test_the_migration_turns_only_untouched_defaults_into_not_decided():
    migration = importlib.import_module("knowledge.training.migrations.0003_trajectory_not_decided_dates_provider")
    organisation = Organisation.objects.get(slug="koebenhavn")
    make = TrajectoryStepStatus.objects.create
    untouched = make(organisation=organisation, step="kick_off", approach="ourselves", status="not_started")
    noted = make(organisation=organisation, step="measuring", approach="ourselves", status="not_started", note="Ja")
    started = make(organisation=organisation, step="embedding", approach="ourselves", status="in_progress")
    outsourced = make(organisation=organisation, step="shadowing", approach="outsourced", status="not_started")

    migration.untouched_defaults_to_not_decided(apps, None)
    approaches = dict(organisation.trajectory_steps.values_list("pk", "approach"))
    assert approaches == {
        untouched.pk: "not_decided",
        noted.pk: "ourselves",
        started.pk: "ourselves",
        outsourced.pk: "outsourced",
    }

    migration.not_decided_to_ourselves(apps, None)
    assert organisation.trajectory_steps.get(pk=untouched.pk).approach == "ourselves"


# On the measurement dashboard


def test_the_dashboards_trajectory_block_shows_the_status_chart_and_the_next_planned_steps():
    organisation = Organisation.objects.get(slug="amersfoort")
    with translation.override("en"):
        rows = services.trajectory(organisation)
        summary = services.trajectory_summary(rows)
        html = render_to_string(
            "measurement/includes/trajectory.html",
            {"organisation": organisation, "trajectory_rows": rows, "trajectory_summary": summary},
        )
    figure = html[html.index('id="trajectory-status"') : html.index("</figure>")]
    counts = summary["status_chart"].series[0].values
    assert [int(value) for value in re.findall(r'data-value="(\d+)"', figure)] == counts
    assert sum(counts) == 11
    assert [row.step for row in summary["next_planned"]] == ["measuring", "communication", "internal_mediators"]
    assert "Measuring: planned for" in html, "the editors' title, in English"
    assert "(by Opleidingsinstituut Midden-Nederland)" in html
    assert 'href="/en/training/trajectory/amersfoort/"' in html
    assert f"Done: {summary['done']} of 11 steps" in html
