"""Offboarding: a coordinator removes a colleague who left, and domain-joined members re-confirm once a year.

The person keeps their account but is no longer a member; every app ends what depended on the membership:
forum groups, worksheets shared with them, places in trainings still to come (the waiting list moves up).
"""

import io
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from accounts import reconfirmation, roles
from accounts.models import Membership, User
from forum.models import ForumGroup, GroupMembership, Thread
from knowledge.dilemmas import services as dilemma_services
from knowledge.dilemmas.models import DilemmaPlanPage, Invitation
from knowledge.models import ContentPage, HomePage
from knowledge.training import services as training_services
from knowledge.training.models import Enrolment
from tests import factories
from tests.helpers import links_in_last_mail, path_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def amersfoort(db):
    return factories.OrganisationFactory(name="Gemeente Amersfoort", domain="amersfoort.example")


@pytest.fixture
def coordinator(amersfoort):
    return factories.coordinator("coordinator@amersfoort.example", organisation=amersfoort)


@pytest.fixture
def leaver(make_user, amersfoort):
    return make_user("vertrokken@amersfoort.example", organisation=amersfoort, preferred_language="da")


def remove_url(organisation, membership):
    return reverse("accounts:organisation_member_remove", kwargs={"slug": organisation.slug, "pk": membership.pk})


def membership_of(user, organisation):
    return Membership.objects.get(user=user, organisation=organisation)


def fresh(user):
    return User.objects.get(pk=user.pk)


def test_a_coordinator_removes_a_colleague_who_left(client, post, coordinator, leaver, amersfoort):
    membership = membership_of(leaver, amersfoort)
    client.force_login(coordinator)
    members_page = client.get(reverse("accounts:organisation_members", kwargs={"slug": amersfoort.slug}))
    assert remove_url(amersfoort, membership) in members_page.content.decode()
    confirm = client.get(remove_url(amersfoort, membership))
    assert confirm.status_code == 200
    assert 'name="reason"' in confirm.content.decode()

    response = post(remove_url(amersfoort, membership), {"reason": "Werkt sinds 1 mei bij de provincie."})

    assert response.url.endswith(f"/organisations/{amersfoort.slug}/members/")
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REMOVED
    assert membership.ended_by == coordinator
    assert membership.end_reason == "Werkt sinds 1 mei bij de provincie."
    assert not roles.is_member(fresh(leaver))
    assert User.objects.filter(pk=leaver.pk, is_active=True).exists(), "the account stays"
    (message,) = [m for m in mail.outbox if leaver.email in m.to]
    assert message.extra_headers["Content-Language"] == "da", "in the removed person's own language"
    assert "Werkt sinds 1 mei bij de provincie." in message.body


def test_the_removed_person_is_no_longer_listed_and_a_second_removal_is_refused_cleanly(
    client, post, coordinator, leaver, amersfoort
):
    membership = membership_of(leaver, amersfoort)
    client.force_login(coordinator)
    post(remove_url(amersfoort, membership))
    listing = client.get(reverse("accounts:organisation_members", kwargs={"slug": amersfoort.slug}))
    assert leaver.email not in listing.content.decode()
    assert client.get(remove_url(amersfoort, membership)).status_code == 404
    assert post(remove_url(amersfoort, membership)).status_code == 404


def test_only_coordinators_of_that_organisation_can_remove(client, post, make_user, leaver, amersfoort):
    membership = membership_of(leaver, amersfoort)
    colleague = make_user("collega@amersfoort.example", organisation=amersfoort)
    other_coordinator = make_user(
        "coord@almere.example", organisation=factories.OrganisationFactory(), role=Membership.Role.COORDINATOR
    )
    for person in (colleague, other_coordinator):
        client.force_login(person)
        assert post(remove_url(amersfoort, membership)).status_code == 404
    assert membership_of(leaver, amersfoort).status == Membership.Status.ACTIVE


def test_removal_needs_a_csrf_token(coordinator, leaver, amersfoort):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    assert client.post(remove_url(amersfoort, membership_of(leaver, amersfoort))).status_code == 403
    assert membership_of(leaver, amersfoort).status == Membership.Status.ACTIVE


def test_the_last_coordinator_cannot_remove_themselves_but_one_of_two_can(client, post, coordinator, amersfoort):
    own = membership_of(coordinator, amersfoort)
    assert Membership.objects.coordinating_rows(amersfoort).count() == 1
    client.force_login(coordinator)
    response = post(remove_url(amersfoort, own))
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert membership_of(coordinator, amersfoort).status == Membership.Status.ACTIVE

    second = User.objects.create_user(email="tweede@amersfoort.example", password="x", email_verified_at=timezone.now())
    Membership.objects.create(
        user=second, organisation=amersfoort, role=Membership.Role.COORDINATOR, status=Membership.Status.ACTIVE
    )
    response = post(remove_url(amersfoort, own))
    assert membership_of(coordinator, amersfoort).status == Membership.Status.REMOVED
    assert response.url == reverse("accounts:profile"), "not to a members page they may no longer see"


def test_a_removed_member_loses_forum_groups_members_only_pages_worksheets_and_enrolments(
    client, post, coordinator, leaver, amersfoort, make_user
):
    # Forum: a private group they belonged to.
    group = ForumGroup.objects.create(
        slug="besloten", name="Besloten", visibility=ForumGroup.Visibility.PRIVATE, join_policy="invitation"
    )
    GroupMembership.objects.create(group=group, user=leaver, status=GroupMembership.Status.ACTIVE)
    thread = Thread.objects.create(group=group, title="Besloten casus")
    # A members-only page.
    home = HomePage.objects.get(locale__language_code="nl")
    page = ContentPage(title="Ledenpagina", slug="ledenpagina-offboarding", summary="x", body=[])
    home.add_child(instance=page)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    page.save_revision().publish()
    # A worksheet a colleague shared with them.
    colleague = make_user("collega@amersfoort.example", organisation=amersfoort)
    plan = DilemmaPlanPage.objects.get(locale__language_code="nl")
    worksheet = dilemma_services.start_worksheet(colleague, plan, "Gedeeld werkblad")
    dilemma_services.invite(worksheet, leaver)
    # A full session they hold a place in, with someone waiting.
    module = factories.training_module("Offboardingtraining", max_group_size=1)
    session = module.sessions.get()
    training_services.enrol(session.pk, leaver, notify=False)
    waiting = factories.member("wachtend@almere.example")
    assert training_services.enrol(session.pk, waiting, notify=False).status == Enrolment.Status.WAITLISTED

    client.force_login(leaver)
    assert client.get(thread.get_absolute_url()).status_code == 200
    assert client.get(page.url).status_code == 200
    assert client.get(reverse("dilemmas:worksheet", kwargs={"pk": worksheet.pk})).status_code == 200

    client.force_login(coordinator)
    post(remove_url(amersfoort, membership_of(leaver, amersfoort)))

    client.force_login(leaver)
    assert not GroupMembership.objects.filter(group=group, user=leaver).exists()
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert client.get(page.url).status_code == 403
    assert not Invitation.objects.filter(invitee=leaver).exists()
    assert client.get(reverse("dilemmas:worksheet", kwargs={"pk": worksheet.pk})).status_code == 404
    assert Enrolment.objects.get(session=session, user=leaver).status == Enrolment.Status.CANCELLED
    assert Enrolment.objects.get(session=session, user=waiting).status == Enrolment.Status.ENROLLED, "seat freed"


def test_someone_still_member_elsewhere_keeps_platform_things_but_not_former_colleagues_worksheets(
    client, post, coordinator, leaver, amersfoort, make_user
):
    almere = factories.OrganisationFactory(name="Gemeente Almere")
    Membership.objects.create(user=leaver, organisation=almere, status=Membership.Status.ACTIVE)
    group = ForumGroup.objects.create(slug="open", name="Open", visibility=ForumGroup.Visibility.PLATFORM)
    GroupMembership.objects.create(group=group, user=leaver, status=GroupMembership.Status.ACTIVE)
    plan = DilemmaPlanPage.objects.get(locale__language_code="nl")
    former_colleague = make_user("collega@amersfoort.example", organisation=amersfoort)
    new_colleague = make_user("collega@almere.example", organisation=almere)
    old_sheet = dilemma_services.start_worksheet(former_colleague, plan, "Oud")
    new_sheet = dilemma_services.start_worksheet(new_colleague, plan, "Nieuw")
    dilemma_services.invite(old_sheet, leaver)
    dilemma_services.invite(new_sheet, leaver)

    client.force_login(coordinator)
    post(remove_url(amersfoort, membership_of(leaver, amersfoort)))

    assert roles.is_member(fresh(leaver))
    assert GroupMembership.objects.filter(group=group, user=leaver).exists()
    assert list(Invitation.objects.filter(invitee=leaver).values_list("worksheet", flat=True)) == [new_sheet.pk]


def test_a_removed_member_is_not_let_back_in_by_an_address_on_the_domain(leaver, amersfoort):
    from accounts import services

    Membership.objects.filter(user=leaver).update(status=Membership.Status.REMOVED)
    services.verify_email(leaver)
    assert membership_of(leaver, amersfoort).status == Membership.Status.REMOVED


# --- Yearly re-confirmation ------------------------------------------------------------------------------------------


@pytest.fixture
def domain_member(make_user, amersfoort):
    user = make_user("domein@amersfoort.example", preferred_language="da")
    Membership.objects.create(
        user=user,
        organisation=amersfoort,
        status=Membership.Status.ACTIVE,
        source=Membership.Source.DOMAIN,
        confirmed_at=timezone.now() - timedelta(days=400),
    )
    return user


def run_daily(now=None):
    out = io.StringIO()
    if now is None:
        call_command("send_membership_reconfirmations", stdout=out)
    else:
        reconfirmation.run(now=now, write=lambda line: out.write(line + "\n"))
    return out.getvalue()


def test_members_who_joined_by_domain_are_asked_once_a_year(domain_member, amersfoort, make_user):
    recent = make_user("recent@amersfoort.example")
    Membership.objects.create(
        user=recent,
        organisation=amersfoort,
        status=Membership.Status.ACTIVE,
        source=Membership.Source.DOMAIN,
        confirmed_at=timezone.now() - timedelta(days=300),
    )
    approved = make_user("goedgekeurd@mail.example")
    Membership.objects.create(
        user=approved,
        organisation=amersfoort,
        status=Membership.Status.ACTIVE,
        source=Membership.Source.APPROVAL,
        confirmed_at=timezone.now() - timedelta(days=400),
    )

    output = run_daily()

    assert "[1/1]" in output
    assert "Asked 1 membership(s)" in output
    assert [m.to for m in mail.outbox] == [[domain_member.email]]
    assert mail.outbox[0].extra_headers["Content-Language"] == "da"
    assert "Asked 0 membership(s)" in run_daily(), "asked once, not every day"
    assert len(mail.outbox) == 1


def test_the_link_renews_the_membership_for_a_year(client, domain_member, amersfoort):
    run_daily()
    link = path_of(next(link for link in links_in_last_mail(domain_member.email) if "/membership/confirm/" in link))
    assert client.get(link).status_code == 200, "a click is needed: mail scanners follow links"
    assert membership_of(domain_member, amersfoort).confirmed_at < timezone.now() - timedelta(days=300)
    response = client.post(link)
    assert response.status_code == 200
    assert 'data-outcome="confirmed"' in response.content.decode()
    membership = membership_of(domain_member, amersfoort)
    assert membership.confirmed_at > timezone.now() - timedelta(minutes=1)
    assert "ended 0" in run_daily(now=timezone.now() + timedelta(days=40))
    assert membership_of(domain_member, amersfoort).status == Membership.Status.ACTIVE


def test_without_confirmation_within_30_days_the_membership_ends_and_the_link_brings_it_back(
    client, domain_member, amersfoort, django_capture_on_commit_callbacks
):
    group = ForumGroup.objects.create(slug="open", name="Open", visibility=ForumGroup.Visibility.PLATFORM)
    GroupMembership.objects.create(group=group, user=domain_member, status=GroupMembership.Status.ACTIVE)
    run_daily()
    link = path_of(next(link for link in links_in_last_mail(domain_member.email) if "/membership/confirm/" in link))

    assert "ended 0" in run_daily(now=timezone.now() + timedelta(days=29))
    with django_capture_on_commit_callbacks(execute=True):
        output = run_daily(now=timezone.now() + timedelta(days=31))

    assert "[1/1] ended membership" in output
    assert membership_of(domain_member, amersfoort).status == Membership.Status.LAPSED
    assert not roles.is_member(fresh(domain_member))
    assert not GroupMembership.objects.filter(user=domain_member).exists()
    assert any("/accounts/profile/" in m.body and domain_member.email in m.to for m in mail.outbox[1:])

    response = client.post(link)
    assert 'data-outcome="confirmed"' in response.content.decode()
    assert roles.is_member(fresh(domain_member))


def test_a_forged_or_foreign_link_is_refused(client, domain_member, amersfoort):
    assert client.get(reverse("accounts:reconfirm", kwargs={"token": "nonsense"})).status_code == 400
    Membership.objects.filter(user=domain_member).update(status=Membership.Status.REMOVED)
    token = reconfirmation.token_for(membership_of(domain_member, amersfoort))
    response = client.post(reverse("accounts:reconfirm", kwargs={"token": token}))
    assert response.status_code == 400, "a coordinator's removal is not undone by the yearly link"
    assert membership_of(domain_member, amersfoort).status == Membership.Status.REMOVED


def test_joining_by_domain_and_approval_count_as_a_confirmation(make_organisation, make_user, coordinator):
    from accounts import services

    make_organisation("nieuw", domain="nieuw.example")
    joined = services.verify_email(User.objects.create_user(email="iemand@nieuw.example", password="x"))
    assert joined.confirmed_at is not None
    pending = make_user("verzoek@mail.example", organisation=coordinator.memberships.get().organisation)
    request = Membership.objects.get(user=pending)
    Membership.objects.filter(pk=request.pk).update(status=Membership.Status.PENDING)
    approved = services.decide_membership(request.pk, approve=True, decided_by=coordinator)
    assert approved.confirmed_at is not None


def test_the_reason_for_a_removal_is_in_the_persons_data_export(post, client, coordinator, leaver, amersfoort):
    from accounts import privacy

    client.force_login(coordinator)
    post(remove_url(amersfoort, membership_of(leaver, amersfoort)), {"reason": "Uit dienst per 1 mei."})
    (exported,) = privacy.export(fresh(leaver))["organisation_memberships"]
    assert exported["status"] == Membership.Status.REMOVED
    assert exported["end_reason"] == "Uit dienst per 1 mei."
