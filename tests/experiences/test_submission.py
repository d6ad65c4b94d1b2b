"""A member shares an experience through the guided form: checklist, personal-data check, nothing typed lost.

A submission is not a page: it waits for a moderator and is found nowhere else.
"""

import re

import pytest
from django.urls import reverse

from accounts.models import User
from knowledge.experiences.models import ExperiencePage, ExperienceSubmission
from tests import factories
from tests.experiences.helpers import BSN, submission_data

pytestmark = pytest.mark.django_db
SUBMIT = "/nl/experiences/submit/"


@pytest.fixture
def logged_in(client, member):
    client.force_login(member)
    return client


def test_the_guided_form_has_a_part_per_step_and_explains_how_to_anonymise(logged_in):
    page = logged_in.get(SUBMIT).content.decode()
    for heading in ("De casus", "Wat er gebeurde", "Aanpak en afloop", "Geleerde lessen", "Voordat u verstuurt"):
        assert heading in page
    assert "geen namen" in page
    assert "novalidate" in page


def test_a_member_submits_an_experience_that_waits_for_moderation_and_is_not_a_page(logged_in, post, member):
    response = post(SUBMIT, submission_data(tags="bezwaar, Bomen"))
    submission = ExperienceSubmission.objects.get(author=member)
    assert response.status_code == 302 and response.url == reverse("experiences:submission", args=[submission.pk])
    assert submission.status == "pending" and submission.language == "nl"
    assert submission.tags == "Bomen, bezwaar"
    assert submission.checklist_confirmed_at is not None and not submission.findings_confirmed
    assert not ExperiencePage.objects.filter(title="Bezwaar over een kapvergunning").exists()
    page = logged_in.get(response.url).content.decode()
    assert "Wacht op moderatie" in page and "Bezwaar over een kapvergunning" in page


def test_every_checklist_statement_must_be_ticked_and_nothing_typed_is_lost(logged_in, member):
    response = logged_in.post(SUBMIT, submission_data(checklist=["no_names", "no_contact"]))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vink elke uitspraak van de checklist aan" in page
    assert "Een inwoner maakte bezwaar tegen het kappen van een boom naast zijn tuin." in page
    assert 'value="Bezwaar over een kapvergunning"' in page
    assert re.search(r'value="no_names"[^>]*checked', page), "ticked statements stay ticked"
    assert not re.search(r'value="no_dates"[^>]*checked', page)
    assert not ExperienceSubmission.objects.filter(author=member).exists()


def test_a_bsn_in_the_text_blocks_the_submission_until_it_is_removed_and_the_text_is_kept(logged_in, post, member):
    text = f"De inwoner noemde aan de telefoon zijn nummer {BSN} en was boos."
    response = logged_in.post(SUBMIT, submission_data(what_happened=text))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Mogelijke persoonsgegevens in uw tekst" in page
    assert f"<mark>{BSN}</mark>" in page
    assert "Dit lijkt op een burgerservicenummer (BSN)." in page
    assert "Wat er gebeurde" in page  # the field the finding is in
    assert text in page  # the textarea keeps what was typed
    assert not ExperienceSubmission.objects.filter(author=member).exists()

    fixed = "De inwoner noemde aan de telefoon persoonlijke gegevens en was boos."
    response = post(SUBMIT, submission_data(what_happened=fixed))
    assert response.status_code == 302
    assert ExperienceSubmission.objects.get(author=member).what_happened == fixed


def test_findings_pass_only_with_an_explicit_confirmation_of_exactly_what_was_shown(logged_in, member):
    text = f"Het zaaknummer in ons systeem leek op {BSN}, maar dat was het niet."
    first = logged_in.post(SUBMIT, submission_data(what_happened=text))
    digest = first.context["form"]["findings_seen"].value()
    assert digest

    # Ticking "not personal data" without having seen these findings does not count.
    blind = logged_in.post(SUBMIT, submission_data(what_happened=text, confirm_findings="on"))
    assert blind.status_code == 400

    # A confirmation never covers a finding added afterwards.
    more = text + " Mail naar iemand@example.org."
    stale = logged_in.post(SUBMIT, submission_data(what_happened=more, confirm_findings="on", findings_seen=digest))
    assert stale.status_code == 400
    assert "Dit lijkt op een e-mailadres." in stale.content.decode()

    confirmed = logged_in.post(SUBMIT, submission_data(what_happened=text, confirm_findings="on", findings_seen=digest))
    assert confirmed.status_code == 302
    submission = ExperienceSubmission.objects.get(author=member)
    assert submission.findings_confirmed and submission.what_happened == text


def test_required_parts_and_a_shown_organisation_need_their_answers(logged_in):
    response = logged_in.post(SUBMIT, submission_data(lessons="", show_organisation="on", organisation=""))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Controleer het volgende:" in page
    assert "Kies de organisatie die getoond mag worden" in page


def test_only_own_active_organisations_can_be_named(logged_in, member):
    foreign = factories.OrganisationFactory(name="Gemeente Zeist")
    response = logged_in.post(SUBMIT, submission_data(organisation=foreign.pk))
    assert response.status_code == 400
    own = member.memberships.get().organisation
    assert logged_in.post(SUBMIT, submission_data(organisation=own.pk)).status_code == 302


def test_visitors_are_sent_to_log_in_and_people_without_membership_are_refused(client):
    assert client.get(SUBMIT).status_code == 302
    outsider = User.objects.create_user("iemand@gmail.example", password="a-long-test-password")
    client.force_login(outsider)
    response = client.get(SUBMIT)
    assert response.status_code == 403
    assert "Alleen leden van een geverifieerde overheidsorganisatie" in response.content.decode()
    assert client.post(SUBMIT, submission_data()).status_code == 403
    assert not ExperienceSubmission.objects.filter(author=outsider).exists()


def test_a_danish_member_submits_in_danish(client, post, make_user):
    copenhagen = factories.OrganisationFactory(name="Københavns Kommune", country="DK")
    dane = make_user("mette@kk.example", organisation=copenhagen, preferred_language="da")
    client.force_login(dane)
    page = client.get("/da/experiences/submit/").content.decode()
    assert "Del en erfaring" in page and "Før du sender" in page
    response = post("/da/experiences/submit/", submission_data(title="Klage over ventetid"))
    assert response.status_code == 302
    assert ExperienceSubmission.objects.get(author=dane).language == "da"


def test_what_was_typed_when_the_session_had_expired_comes_back_after_logging_in_again(client, member):
    lost_text = "Een verhaal dat niet verloren mag gaan."
    response = client.post(SUBMIT, submission_data(what_happened=lost_text, checklist=["no_names"]))
    assert response.status_code == 302 and response.url.startswith("/nl/accounts/login/")
    assert not ExperienceSubmission.objects.filter(author=member).exists()

    logged_in = client.post(
        response.url, {"username": member.email, "password": "a-long-test-password", "next": SUBMIT}, follow=True
    )
    page = logged_in.content.decode()
    assert logged_in.redirect_chain[-1][0] == SUBMIT
    assert lost_text in page and 'value="Bezwaar over een kapvergunning"' in page
    assert re.search(r'value="no_names"[^>]*checked', page)
    assert lost_text not in client.get(SUBMIT).content.decode(), "kept once, not forever"
