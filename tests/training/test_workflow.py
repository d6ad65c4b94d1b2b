"""Trainers write modules in the CMS but cannot publish: an editor approves, then the module goes live."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from knowledge.training import services
from knowledge.training.models import TrainingModulePage, TrainingSession
from tests import factories

pytestmark = pytest.mark.django_db


def cms_datetime(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def add_form_data(client, index):
    url = reverse("wagtailadmin_pages:add", args=("training", "trainingmodulepage", index.pk))
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    return url, data


def session_fields(data, number, start, **fields):
    prefix = f"sessions-{number}-"
    data.update(
        {
            prefix + "start": cms_datetime(start),
            prefix + "end": cms_datetime(start + timedelta(hours=3)),
            prefix + "location": "Stadhuis Zeist",
            prefix + "online_url": "",
            prefix + "capacity": "",
            prefix + "enrolment_deadline": "",
            prefix + "language": "nl",
            prefix + "status": "planned",
            prefix + "ORDER": str(number),
            prefix + "DELETE": "",
            prefix + "id": "",
            **{prefix + key: value for key, value in fields.items()},
        }
    )


def test_a_trainer_drafts_a_module_with_two_sessions_cannot_publish_and_an_editor_approves_it(
    client, post, trainer, editor
):
    index = factories.training_index("nl")
    client.force_login(trainer)
    url, data = add_form_data(client, index)
    data.update(
        {
            "title": "Gesprekken na een klacht",
            "slug": "gesprekken-na-een-klacht",
            "summary": "Een korte training voor klachtbehandelaars.",
            "learning_goals": rich_text("<p>U voert een goed gesprek.</p>"),
            "duration": "Een middag",
            "format": "in_person",
            "max_group_size": "12",
            "trainers-TOTAL_FORMS": "1",
            "trainers-0-name": "Tessa Trainer",
            "trainers-0-bio": "Trainer in Zeist.",
            "trainers-0-ORDER": "0",
            "trainers-0-DELETE": "",
            "trainers-0-id": "",
            "sessions-TOTAL_FORMS": "2",
            "programme-count": "0",  # StreamField inputs are built by JavaScript in the CMS
        }
    )
    soon = timezone.now() + timedelta(days=30)
    session_fields(data, 0, soon)
    session_fields(data, 1, soon + timedelta(days=14))

    # Publishing is not offered to a trainer; asking for it anyway does not make the page live.
    post(url, {**data.dict(), "action-publish": "action-publish"})
    attempt = TrainingModulePage.objects.get(slug="gesprekken-na-een-klacht")
    assert not attempt.live and attempt.owner == trainer
    attempt.delete()

    post(url, {**data.dict(), "action-submit": "action-submit"})
    module = TrainingModulePage.objects.get(slug="gesprekken-na-een-klacht")
    assert not module.live
    # A new page's sessions are stored with its draft, but nobody can enrol before the module is live.
    for draft_session in TrainingSession.objects.filter(page=module):
        assert client.get(reverse("training:session_enrol", kwargs={"pk": draft_session.pk})).status_code == 404
    assert len(module.get_latest_revision_as_object().sessions.all()) == 2
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(module.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    catalogue = client.get(index.url).content.decode()
    assert "Gesprekken na een klacht" not in catalogue

    # The trainer cannot approve their own module.
    task_state = state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=(module.pk, "approve", task_state.pk))
    post(approve, {})
    assert not Page.objects.get(pk=module.pk).live

    client.force_login(editor)
    post(approve, {})
    module = TrainingModulePage.objects.get(pk=module.pk)
    assert module.live
    assert TrainingSession.objects.filter(page=module).count() == 2
    client.logout()
    assert "Gesprekken na een klacht" in client.get(index.url).content.decode()
    assert module.url in client.get(index.url).content.decode()


def test_the_cms_refuses_to_remove_a_session_people_are_enrolled_in(client, editor):
    module = factories.training_module("Met deelnemers")
    session = module.sessions.get()
    member = factories.member("deelnemer@almere.example")
    services.enrol(session.pk, member, notify=False)

    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=(module.pk,))
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["programme-count"] = "0"
    data["sessions-0-DELETE"] = "1"
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "cannot be removed" in response.content.decode() or "kan niet worden verwijderd" in response.content.decode()
    assert TrainingSession.objects.filter(pk=session.pk).exists()
