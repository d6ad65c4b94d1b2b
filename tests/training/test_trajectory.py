"""The implementation trajectory: the programme page, and each organisation's progress, private to its members."""

import pytest
from django.urls import reverse

from accounts.models import Organisation, User
from knowledge.training.models import ImplementationProgrammePage, TrajectoryStepStatus
from knowledge.training.steps import STEP_KEYS

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
        row = {"step": key, "approach": "ourselves", "status": "not_started", "note": ""}
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
    assert "1 van 11 stappen" in html  # done
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
    assert "0 af 11 trin" in html
