"""Signing up: verification by e-mail, joining an organisation by domain or through its coordinator."""

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation

from accounts import account_mail, services
from accounts.models import Membership, User
from tests.helpers import links_in_last_mail, path_of

pytestmark = pytest.mark.django_db

PASSWORD = "kalm-overleg-aan-tafel"


def signup_data(**overrides):
    data = {
        "email": "j.jansen@zeewolde.example",
        "first_name": "Jan",
        "last_name": "Jansen",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "language": "nl",
        "organisation": "",
    }
    data.update(overrides)
    return data


def signup_url(language="nl"):
    with translation.override(language):
        return reverse("accounts:signup")


def test_verified_address_on_an_organisation_domain_joins_that_organisation(client, make_organisation, post):
    zeewolde = make_organisation("zeewolde", domain="zeewolde.example", name="Gemeente Zeewolde")

    response = post(signup_url(), signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="j.jansen@zeewolde.example")
    assert not user.email_verified
    assert not user.memberships.exists(), "no membership before the address is proven"

    (message,) = mail.outbox
    assert message.to == ["j.jansen@zeewolde.example"]
    assert "Bevestig" in message.subject  # Dutch: the language chosen at sign-up
    assert message.alternatives and "<html" in message.alternatives[0][0]
    verify_path = path_of(next(link for link in links_in_last_mail() if "/verify/" in link))

    # A mail scanner following the link must not verify: GET only asks for confirmation.
    client.get(verify_path)
    user.refresh_from_db()
    assert not user.email_verified

    response = post(verify_path)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email_verified
    membership = user.memberships.get()
    assert (membership.organisation, membership.status, membership.source) == (
        zeewolde,
        Membership.Status.ACTIVE,
        Membership.Source.DOMAIN,
    )
    profile = client.get(response.url)
    assert "Gemeente Zeewolde" in profile.content.decode()


def test_unknown_domain_goes_to_the_coordinator_who_approves(client, make_organisation, make_user, post):
    urk = make_organisation("urk", domain="urk.example", name="Gemeente Urk")
    coordinator = make_user("coord@urk.example", organisation=urk, role=Membership.Role.COORDINATOR)

    post(signup_url(), signup_data(email="piet@gmail.example", organisation=urk.pk))
    requester = User.objects.get(email="piet@gmail.example")
    assert requester.memberships.get().status == Membership.Status.PENDING
    assert [m.to for m in mail.outbox] == [["piet@gmail.example"]], "coordinator not bothered before verification"

    verify_path = path_of(links_in_last_mail("piet@gmail.example")[0])
    post(verify_path)
    request_mail = next(m for m in mail.outbox if m.to == [coordinator.email])
    assert "piet@gmail.example" in request_mail.body

    client.logout()
    client.force_login(coordinator)
    members_url = reverse("accounts:organisation_members", kwargs={"slug": "urk"})
    page = client.get(members_url).content.decode()
    assert "piet@gmail.example" in page
    membership = requester.memberships.get()

    response = post(members_url, {"membership": membership.pk, "decision": "approve"}, follow=True)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert membership.decided_by == coordinator
    assert "is nu lid" in response.content.decode()
    assert any(m.to == ["piet@gmail.example"] for m in mail.outbox[-1:])

    # Deciding twice (two coordinators, or a double click) changes nothing and says so.
    response = post(members_url, {"membership": membership.pk, "decision": "reject"}, follow=True)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert "al een besluit" in response.content.decode()


def test_coordinator_can_reject_a_request(client, make_organisation, make_user, post):
    urk = make_organisation("urk", domain="urk.example")
    coordinator = make_user("coord@urk.example", organisation=urk, role=Membership.Role.COORDINATOR)
    requester = make_user("someone@mail.example", organisation=urk, status=Membership.Status.PENDING)
    client.force_login(coordinator)
    url = reverse("accounts:organisation_members", kwargs={"slug": "urk"})
    post(url, {"membership": requester.memberships.get().pk, "decision": "reject"})
    assert requester.memberships.get().status == Membership.Status.REJECTED
    assert mail.outbox[-1].to == ["someone@mail.example"]


def test_unknown_domain_without_an_organisation_gets_a_clear_message_and_keeps_the_input(client, post):
    response = post(signup_url(), signup_data(email="kees@nergens.example"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "We herkennen het e-maildomein" in page
    assert "nergens.example" in page
    assert 'value="kees@nergens.example"' in page and 'value="Jan"' in page and 'value="Jansen"' in page
    assert not User.objects.filter(email="kees@nergens.example").exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "not-an-address"}, "Voer een geldig e-mailadres in"),
        ({"password2": "something-else-entirely"}, "De twee wachtwoorden zijn niet gelijk"),
        ({"password1": "1234", "password2": "1234"}, "Dit wachtwoord is te kort: gebruik minstens 10 tekens"),
        ({"first_name": ""}, "Dit is een verplicht veld"),
        ({"email": "x" * 300 + "@zeewolde.example"}, "e-mail"),
    ],
)
def test_malformed_signup_data_is_refused_with_a_translated_message(
    client, make_organisation, overrides, message, post
):
    make_organisation("zeewolde", domain="zeewolde.example")
    response = post(signup_url(), signup_data(**overrides))
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
    assert User.objects.count() == User.objects.exclude(email__endswith="zeewolde.example").count()


def test_signup_messages_in_danish(client, post):
    response = post(signup_url("da"), signup_data(email="ole@ukendt.example", language="da"))
    assert response.status_code == 200
    assert "Vi kender ikke e-maildomænet" in response.content.decode()


def test_signing_up_again_with_a_registered_address_reveals_nothing_on_screen(
    client, make_user, make_organisation, post
):
    make_organisation("almere", domain="almere.example")
    make_user("bekend@almere.example")
    response = post(signup_url(), signup_data(email="bekend@almere.example"))
    assert response.status_code == 302 and response.url.endswith("/signup/check-your-mail/")
    assert User.objects.filter(email="bekend@almere.example").count() == 1
    (message,) = mail.outbox
    assert "/accounts/login/" in message.body


def test_expired_verification_link_explains_and_offers_a_new_one(client, make_organisation, settings, post):
    make_organisation("zeewolde", domain="zeewolde.example")
    post(signup_url(), signup_data())
    user = User.objects.get(email="j.jansen@zeewolde.example")
    settings.ACCOUNT_VERIFICATION_MAX_AGE = -1  # every link is now too old
    verify_path = path_of(links_in_last_mail()[0])

    response = client.get(verify_path)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Deze link is verlopen" in page
    assert reverse("accounts:resend_verification") in page

    settings.ACCOUNT_VERIFICATION_MAX_AGE = 3600
    mail.outbox = []
    post(reverse("accounts:resend_verification"), {"email": user.email})
    fresh = path_of(links_in_last_mail(user.email)[0])
    post(fresh)
    user.refresh_from_db()
    assert user.email_verified


def test_tampered_verification_link_is_refused(client, make_user, post):
    user = make_user("someone@almere.example", email_verified_at=None)
    User.objects.filter(pk=user.pk).update(email_verified_at=None)
    token = account_mail.verification_token(user)
    response = post(reverse("accounts:verify", kwargs={"token": token[:-3] + "abc"}))
    assert response.status_code == 400
    assert "Deze link werkt niet" in response.content.decode()
    user.refresh_from_db()
    assert not user.email_verified


def test_a_link_for_an_address_that_changed_since_is_refused(client, make_user, post):
    user = make_user("old@almere.example")
    token = signing.dumps({"u": user.pk, "e": "other@almere.example"}, salt=account_mail.VERIFY_SALT)
    assert post(reverse("accounts:verify", kwargs={"token": token})).status_code == 400


def test_unverified_account_cannot_log_in_and_is_told_why(client, make_user, post):
    user = make_user("new@almere.example")
    User.objects.filter(pk=user.pk).update(email_verified_at=None)
    response = post(reverse("accounts:login"), {"username": user.email, "password": "a-long-test-password"})
    assert response.status_code == 200
    assert "Bevestig eerst uw e-mailadres" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_resend_gives_the_same_answer_for_unknown_addresses(client, post):
    response = post(reverse("accounts:resend_verification"), {"email": "nobody@nowhere.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_verification_is_timestamped(make_user):
    user = make_user("t@almere.example")
    User.objects.filter(pk=user.pk).update(email_verified_at=None)
    user.refresh_from_db()
    before = timezone.now()
    services.verify_email(user)
    user.refresh_from_db()
    assert user.email_verified_at >= before
