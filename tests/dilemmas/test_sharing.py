"""Inviting colleagues by e-mail address, the invitation mail in their language, comments, revoking."""

from django.core import mail

from knowledge.dilemmas.models import Invitation
from tests import factories
from tests.dilemmas.helpers import url
from tests.helpers import links_in_last_mail, path_of


def test_the_owner_invites_a_member_who_gets_a_mail_with_a_link(as_user, post, owner, worksheet, colleague):
    as_user(owner)
    response = post(url("sharing", pk=worksheet.pk), {"email": " Collega@Almere.example "})
    assert response.status_code == 302
    assert Invitation.objects.filter(worksheet=worksheet, invitee=colleague).exists()
    [message] = mail.outbox
    assert message.to == ["collega@almere.example"]
    assert "deelt een dilemmawerkblad met u" in message.subject
    assert worksheet.title in message.body
    assert path_of(links_in_last_mail(colleague.email)[0]) == url("worksheet", pk=worksheet.pk)


def test_the_invitation_mail_is_in_the_invitees_language(as_user, post, owner, worksheet):
    danish = factories.member("medlem@kk.example", preferred_language="da")
    as_user(owner)
    post(url("sharing", pk=worksheet.pk), {"email": danish.email})
    [message] = mail.outbox
    assert "deler et dilemma-arbejdsark med dig" in message.subject
    assert "/da/worksheets/" in message.body


def test_only_active_members_can_be_invited_and_nobody_twice(
    as_user, post, owner, worksheet, colleague, make_user, organisation
):
    pending = make_user("wacht@almere.example", organisation=organisation, status="pending")
    client = as_user(owner)
    for email, error in [
        ("onbekend@example.org", "Geen lid van het platform gebruikt dit adres."),
        (pending.email, "Geen lid van het platform gebruikt dit adres."),
        (owner.email, "Dit is uw eigen adres."),
        ("geen-adres", "Vul een geldig e-mailadres in."),
    ]:
        response = client.post(url("sharing", pk=worksheet.pk), {"email": email})
        assert response.status_code == 200
        assert error in response.content.decode(), email
    post(url("sharing", pk=worksheet.pk), {"email": colleague.email})
    response = client.post(url("sharing", pk=worksheet.pk), {"email": colleague.email})
    assert "Deze collega is al uitgenodigd." in response.content.decode()
    assert worksheet.invitations.count() == 1
    assert len(mail.outbox) == 1


def test_comments_are_plain_text_and_escaped(as_user, post, owner, worksheet):
    client = as_user(owner)
    post(url("comment", pk=worksheet.pk), {"text": "<script>alert('x')</script> en **vet**"})
    body = client.get(url("worksheet", pk=worksheet.pk)).content.decode()
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; en **vet**" in body


def test_an_empty_comment_is_refused_with_a_message(as_user, owner, worksheet):
    response = as_user(owner).post(url("comment", pk=worksheet.pk), {"text": "  "})
    assert response.status_code == 200
    assert "Schrijf eerst een reactie." in response.content.decode()
    assert not worksheet.comments.exists()


def test_a_comment_with_personal_data_is_shown_back_and_saved_only_once_confirmed(as_user, post, owner, worksheet):
    client = as_user(owner)
    text = "Jan de Vries belde over zijn bezwaar, hij is bereikbaar op 06-12345678."
    response = client.post(url("comment", pk=worksheet.pk), {"text": text})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mogelijk persoonsgegevens" in html
    assert "<mark>Jan de Vries</mark>" in html and "<mark>06-12345678</mark>" in html
    assert text in html, "nothing typed is lost"
    assert 'name="confirm_findings"' in html
    assert not worksheet.comments.exists()

    seen = response.context["comment_form"].data["findings_seen"]
    response = post(url("comment", pk=worksheet.pk), {"text": text, "confirm_findings": "on", "findings_seen": seen})
    assert response.status_code == 302
    assert worksheet.comments.get().text == text


def test_a_comment_without_personal_data_needs_no_confirmation(as_user, post, owner, worksheet):
    as_user(owner)
    response = post(url("comment", pk=worksheet.pk), {"text": "De tweede optie weegt voor mij zwaarder."})
    assert response.status_code == 302
    assert worksheet.comments.count() == 1
