"""Two people with something in every part of the platform; the neighbour's data carries a canary word."""

import pytest

from forum import services as forum_services
from forum.models import ForumGroup, GroupMembership
from knowledge.dilemmas.models import Comment, Invitation, Option, Stakeholder, Weighing, Worksheet
from knowledge.experiences.models import ExperienceSubmission
from knowledge.training.models import Enrolment
from notifications.kinds import Delivery
from notifications.services import set_deliveries
from protocols.models import ChecklistRun, SavedSuitabilityResult
from tests import factories
from tests.factories import PASSWORD
from tests.privacy.helpers import CANARY


@pytest.fixture
def forum_group(db):
    return ForumGroup.objects.create(
        slug="privacy-intervisie", name="Intervisie regio Utrecht", visibility=ForumGroup.Visibility.PRIVATE
    )


def fill_platform(user, marker, *, group, session, protocol):
    """Something of `user` in every app, each text carrying `marker`."""
    ChecklistRun.objects.create(user=user, page=protocol, label=f"Zaak {marker}", notes=f"Notities {marker}")
    SavedSuitabilityResult.objects.create(
        user=user, label=f"Uitkomst {marker}", outcome="internal", answers={"q": marker}, language="nl"
    )
    Enrolment.objects.create(session=session, user=user, status=Enrolment.Status.ENROLLED)
    worksheet = Worksheet.objects.create(owner=user, plan_title="Stappenplan", title=f"Dilemma {marker}")
    Stakeholder.objects.create(worksheet=worksheet, position=1, name=f"Belanghebbende {marker}")
    option = Option.objects.create(worksheet=worksheet, position=1, title=f"Optie {marker}")
    Weighing.objects.create(option=option, value_type="public", score=1, reason=f"Reden {marker}")
    ExperienceSubmission.objects.create(
        author=user,
        language="nl",
        title=f"Ervaring {marker}",
        setting="workplace",
        case_kind="teamconflict",
        what_happened=f"Wat er gebeurde {marker}",
        approach="Gesprek",
        outcome="resolved",
        lessons="Luisteren",
    )
    GroupMembership.objects.create(group=group, user=user, status=GroupMembership.Status.ACTIVE)
    thread = forum_services.create_thread(
        group, user, title=f"Casus {marker}", body_markdown=f"Mijn casus over {marker}, graag advies."
    )
    set_deliveries(user, {"reply": Delivery.OFF})
    return worksheet, thread


@pytest.fixture
def world(make_user, forum_group, django_capture_on_commit_callbacks):
    almere = factories.OrganisationFactory(name="Gemeente Almere")
    session = factories.training_module("Privacytraining").sessions.get()
    protocol = factories.protocol_page("Mediation bij een bezwaar")
    owner = make_user("eigenaar@almere.example", organisation=almere, first_name="Eva", last_name="Eigenaar")
    owner.set_password(PASSWORD)
    owner.save()
    neighbour = make_user(
        "buur@almere.example", organisation=almere, first_name=f"Buur{CANARY}", last_name=f"Naam{CANARY}"
    )
    own_worksheet, own_thread = fill_platform(owner, "EIGEN", group=forum_group, session=session, protocol=protocol)
    other_worksheet, other_thread = fill_platform(
        neighbour, CANARY, group=forum_group, session=session, protocol=protocol
    )
    # Where the two meet: the neighbour comments on the owner's worksheet and replies in the owner's thread; the
    # owner comments on the neighbour's worksheet and replies in the neighbour's thread.
    Invitation.objects.create(worksheet=own_worksheet, invitee=neighbour)
    Comment.objects.create(worksheet=own_worksheet, author=neighbour, text=f"Opmerking {CANARY}")
    Invitation.objects.create(worksheet=other_worksheet, invitee=owner)
    Comment.objects.create(worksheet=other_worksheet, author=owner, text="Mijn opmerking EIGEN")
    with django_capture_on_commit_callbacks(execute=True):  # the notifications are recorded on commit
        forum_services.reply(own_thread, neighbour, f"Antwoord van de buur {CANARY}")
        forum_services.reply(other_thread, owner, "Mijn antwoord EIGEN")
    return {"owner": owner, "neighbour": neighbour, "own_thread": own_thread, "session": session}
