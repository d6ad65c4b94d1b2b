"""A generated population for the permission pairs: people in every role × objects in every state.

Forum groups in every visibility × join policy, each with threads and posts in every status and memberships in
every status, earlier versions of posts and audit entries; worksheets shared and not; experience submissions in every
status; training sessions of two trainers; organisations with and without a coordinator; private checklists and
saved suitability results; pages public and members-only; for the mediator pool two networks (organisations
participating, asked, declined, left), mediator profiles in every kind × consent state, external mediators of two
organisations, requests in every status in both networks, offers in every status, loans with and without hours.
Built directly with the models (states the services would take several steps to reach), then indexed for search as
the platform indexes after a commit.
"""

import datetime
import itertools
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils import timezone
from wagtail.models import PageViewRestriction

from accounts import roles as account_roles
from accounts.models import Membership, Organisation, User
from forum.models import ForumGroup, GroupMembership, Post, PostRevision, PostStatus, Thread
from forum.moderation.models import AuditEntry, PlatformSuspension, Report, ReviewItem, StaffNote
from knowledge.dilemmas.models import Invitation, Worksheet
from knowledge.experiences.models import ExperienceSubmission, Outcome, Setting
from knowledge.models import ContentPage
from knowledge.training.models import TrainingSession
from pool.choices import LendingConsent, MediatorKind, NetworkMembershipStatus, OfferStatus, RequestStatus
from pool.models import ConflictDeclaration, Loan, NetworkMembership, Requester
from protocols.models import ChecklistRun, ProtocolPage, SavedSuitabilityResult
from protocols.models import Outcome as SuitabilityOutcome
from search import indexing
from tests import factories
from tests.trust.canaries import ENDED_MEMBERSHIP, PASSWORD, edit_in_cms, make_user, paragraph, protocol_step

STATUSES = (PostStatus.PUBLISHED, PostStatus.HELD, PostStatus.HIDDEN, PostStatus.REJECTED)

# Who takes part in every generated group, and how.
IN_EVERY_GROUP = {
    "group_member": (GroupMembership.Role.MEMBER, GroupMembership.Status.ACTIVE),
    "group_moderator": (GroupMembership.Role.MODERATOR, GroupMembership.Status.ACTIVE),
    "invited": (GroupMembership.Role.MEMBER, GroupMembership.Status.INVITED),
    "requested": (GroupMembership.Role.MEMBER, GroupMembership.Status.REQUESTED),
    "declined": (GroupMembership.Role.MEMBER, GroupMembership.Status.DECLINED),
    "removed_from_groups": (GroupMembership.Role.MEMBER, GroupMembership.Status.REMOVED),
    "suspended_moderator": (GroupMembership.Role.MODERATOR, GroupMembership.Status.REMOVED),
    "author": (GroupMembership.Role.MEMBER, GroupMembership.Status.ACTIVE),
    "removed": (GroupMembership.Role.MEMBER, GroupMembership.Status.ACTIVE),  # a leftover of an ended membership
    "platform_suspended": (GroupMembership.Role.MEMBER, GroupMembership.Status.ACTIVE),  # suspended in every group
}


@dataclass
class Population:
    users: dict[str, User | None] = field(default_factory=dict)
    groups: list = field(default_factory=list)
    threads: list = field(default_factory=list)
    posts: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    review_items: list = field(default_factory=list)
    reports: list = field(default_factory=list)
    revisions: list = field(default_factory=list)
    audit_entries: list = field(default_factory=list)
    staff_notes: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    checklists: list = field(default_factory=list)
    saved_results: list = field(default_factory=list)
    worksheets: list = field(default_factory=list)
    submissions: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    pages: dict = field(default_factory=dict)
    networks: list = field(default_factory=list)
    profiles: list = field(default_factory=list)
    externals: list = field(default_factory=list)
    requests: list = field(default_factory=list)
    offers: list = field(default_factory=list)
    loans: list = field(default_factory=list)
    cases: list = field(default_factory=list)
    case_events: list = field(default_factory=list)

    def people(self):
        """(name, fresh user object) for everyone, the visitor included: permission helpers cache on the object."""
        from django.contrib.auth.models import AnonymousUser

        for name, account in self.users.items():
            yield name, (AnonymousUser() if account is None else User.objects.get(pk=account.pk))


def build_population() -> Population:
    with TestCase.captureOnCommitCallbacks(execute=True):
        population = _build()
    with TestCase.captureOnCommitCallbacks(execute=True):
        # A platform group made private in the CMS after its threads were indexed.
        edit_in_cms(
            population.groups[-1],
            visibility=ForumGroup.Visibility.PRIVATE,
            join_policy=ForumGroup.JoinPolicy.INVITATION,
        )
    for group in population.groups:
        group.refresh_from_db()
    return population


def _build() -> Population:
    people = Population()
    home = Organisation.objects.create(slug="populatie-gemeente", name="Gemeente Populatie")
    other = Organisation.objects.create(slug="populatie-provincie", name="Provincie Populatie")
    unverified_org = Organisation.objects.create(slug="populatie-onbekend", name="Onbekend", is_verified=False)
    users = people.users
    users["visitor"] = None
    users["unverified"] = make_user("p-onbevestigd@p.example", organisation=home, status="pending", verified=False)
    users["pending"] = make_user("p-wachtend@p.example", organisation=home, status=Membership.Status.PENDING)
    users["unverified_organisation"] = make_user("p-onbekend@p.example", organisation=unverified_org)
    users["no_organisation"] = make_user("p-zonder@p.example")
    users["member"] = make_user("p-lid@p.example", organisation=home)
    users["other_org"] = make_user("p-elders@p.example", organisation=other)
    for name in IN_EVERY_GROUP:
        users[name] = make_user(f"p-{name.replace('_', '-')}@p.example", organisation=home)
    users["other_group_moderator"] = make_user("p-andere-moderator@p.example", organisation=other)
    users["site_moderator"] = make_user("p-sitemoderator@p.example", organisation=other)
    users["site_moderator"].groups.add(Group.objects.get(name=account_roles.MODERATORS))
    users["editor"] = make_user("p-redacteur@p.example", organisation=home)
    users["editor"].groups.add(Group.objects.get(name=account_roles.EDITORS))
    users["trainer"] = make_user("p-trainer@p.example", organisation=home)
    users["trainer"].groups.add(Group.objects.get(name=account_roles.TRAINERS))
    users["superuser"] = User.objects.create_superuser(email="p-beheer@p.example", password=PASSWORD)
    users["coordinator"] = make_user("p-coordinator@p.example", organisation=home)
    coordinators = (users["coordinator"], users["unverified_organisation"])
    Membership.objects.filter(user__in=coordinators).update(role=Membership.Role.COORDINATOR)
    people.organisations.extend([home, other, unverified_org])
    author = users["author"]

    # Forum: every visibility × join policy, and one platform group that will be made private.
    elsewhere = ForumGroup.objects.create(name="P elders", slug="p-elders", visibility=ForumGroup.Visibility.PRIVATE)
    GroupMembership.objects.create(
        group=elsewhere,
        user=users["other_group_moderator"],
        role=GroupMembership.Role.MODERATOR,
        status=GroupMembership.Status.ACTIVE,
    )
    combinations = list(itertools.product(ForumGroup.Visibility.values, ForumGroup.JoinPolicy.values))
    combinations.append((ForumGroup.Visibility.PLATFORM, ForumGroup.JoinPolicy.OPEN))  # to be made private
    for number, (visibility, policy) in enumerate(combinations):
        group = ForumGroup.objects.create(
            name=f"P {visibility} {policy} {number}",
            slug=f"p-{visibility}-{policy}-{number}",
            visibility=visibility,
            join_policy=policy,
        )
        people.groups.append(group)
        for name, (role, status) in IN_EVERY_GROUP.items():
            people.memberships.append(
                GroupMembership.objects.create(group=group, user=users[name], role=role, status=status)
            )
        for thread_status in STATUSES:
            thread = Thread.objects.create(group=group, title=f"Draad {number} {thread_status}", author=author)
            first = Post.objects.create(thread=thread, author=author, body_markdown="Begin.", status=thread_status)
            thread.first_post, thread.status = first, thread_status
            thread.save(update_fields=["first_post", "status"])
            people.threads.append(thread)
            people.posts.append(first)
            # Replies in every status by two people in the published thread; one published reply elsewhere.
            replies = itertools.product(("author", "group_member"), STATUSES)
            if thread_status != PostStatus.PUBLISHED:
                replies = [("author", PostStatus.PUBLISHED)]
            for writer, status in replies:
                people.posts.append(
                    Post.objects.create(
                        thread=thread, author=users[writer], body_markdown=f"Reactie {status}.", status=status
                    )
                )
        people.posts.append(
            Post.objects.create(thread=people.threads[-4], author=None, body_markdown="Van een oud-lid.")
        )
    for post in people.posts:
        if post.status == PostStatus.HELD:
            people.review_items.append(ReviewItem.objects.create(post=post, held=True))
    # Reports of each group's published first post, by people in several states, one of them since deleted.
    for thread in people.threads:
        if thread.status == PostStatus.PUBLISHED:
            item = ReviewItem.objects.create(post=thread.first_post)
            for name in ("group_member", "removed_from_groups", "other_org", "site_moderator", None):
                reporter = users[name] if name else None
                people.reports.append(Report.objects.create(item=item, reporter=reporter, reason="spam"))
    for thread in people.threads:
        people.revisions.append(
            PostRevision.objects.create(
                post=thread.first_post, body_markdown="Eerder.", editor=author, created_at=thread.created_at
            )
        )
    for post in people.posts[:2]:
        people.audit_entries.append(
            AuditEntry.record(actor=users["site_moderator"], action="edit_post", target=post, group=post.thread.group)
        )
    indexing.schedule(*people.threads, *people.posts)
    _member_records(people)

    # Worksheets: the member's own, shared with several people in several states.
    for shared_with in ((), ("group_member",), ("removed", "pending", "superuser", "other_org")):
        worksheet = Worksheet.objects.create(owner=users["member"], plan_title="Plan", title="Blad")
        for name in shared_with:
            Invitation.objects.create(worksheet=worksheet, invitee=users[name])
        people.worksheets.append(worksheet)

    # Experience submissions in every status.
    for status in ExperienceSubmission.Status.values:
        people.submissions.append(
            ExperienceSubmission.objects.create(
                author=users["member"],
                language="nl",
                title=f"Ervaring {status}",
                setting=Setting.WORKPLACE,
                case_kind="Conflict",
                what_happened="Iets.",
                approach="Praten.",
                outcome=Outcome.PARTLY,
                lessons="Luisteren.",
                status=status,
            )
        )

    # Training sessions: on a module of the trainer's own, and on someone else's.
    modules = [
        factories.training_module("Eigen module", owner=users["trainer"], sessions=[]),
        factories.training_module("Andermans module", sessions=[]),
    ]
    start = timezone.now() + timezone.timedelta(days=60)
    for module in modules:
        people.sessions.append(
            TrainingSession.objects.create(
                page=module, start=start, end=start + timezone.timedelta(hours=2), location="Amersfoort"
            )
        )

    # Pages: public and members-only, plain and protocol.
    nl_home = factories.home("nl")
    index = factories.protocol_index("nl")
    for name, parent, login_only in (
        ("public page", nl_home, False),
        ("members-only page", nl_home, True),
        ("public protocol", index, False),
        ("members-only protocol", index, True),
    ):
        slug = f"populatie-{name.replace(' ', '-')}"
        if parent is index:
            page = ProtocolPage(
                title=name, slug=slug, summary=name, steps=[protocol_step(name)], conflict_setting="objection"
            )
        else:
            page = ContentPage(title=name, slug=slug, summary=name, body=paragraph(name))
        parent.add_child(instance=page)
        if login_only:
            PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        page.save_revision().publish()
        people.pages[name] = type(page).objects.get(pk=page.pk)

    # Private to whoever made them: checklists and saved suitability results of two members.
    for name in ("member", "other_org"):
        people.checklists.append(ChecklistRun.objects.create(user=users[name], page=people.pages["public protocol"]))
        people.saved_results.append(
            SavedSuitabilityResult.objects.create(
                user=users[name], outcome=SuitabilityOutcome.INTERNAL, language="nl", answers={}
            )
        )

    _pool(people, home, other, unverified_org)
    _cases(people, home, other, unverified_org)

    # Last: end the membership of the one whose group memberships and invitations are leftovers.
    Membership.objects.filter(user=users["removed"]).update(status=ENDED_MEMBERSHIP)
    return people


def _member_records(people: Population) -> None:
    """A member suspended platform-wide (and a suspension of theirs that ended), and staff notes: of the site
    moderators, of a group, and one about the group moderator themselves."""
    users = people.users
    now = timezone.now()
    suspended = users["platform_suspended"]
    PlatformSuspension.objects.create(
        user=suspended, kind="suspended", starts_at=now, ends_at=now + datetime.timedelta(days=3), reason="Grof."
    )
    PlatformSuspension.objects.create(
        user=users["author"],
        kind="silenced",
        starts_at=now - datetime.timedelta(days=9),
        ends_at=now - datetime.timedelta(days=2),
        reason="Voorbij.",
    )
    group = people.groups[0]
    for member, author, where in (
        (users["author"], users["site_moderator"], None),
        (users["author"], users["group_moderator"], group),
        (users["group_moderator"], users["site_moderator"], group),
        (users["group_member"], users["group_moderator"], people.groups[1]),
    ):
        people.staff_notes.append(StaffNote.objects.create(member=member, author=author, group=where, text="Notitie."))


def _pool(people: Population, home, other, unverified_org) -> None:
    """Two regional networks. The first: home and other take part (home borrows from other and lends to it), the
    unverified organisation takes part, one organisation asked, one was declined, one left; the network coordinator
    works for the one that left. The second: other and a faraway organisation."""
    users = people.users
    asked, declined, left, far = (
        Organisation.objects.create(slug=f"populatie-{slug}", name=f"Populatie {slug}")
        for slug in ("gevraagd", "afgewezen", "vertrokken", "verweg")
    )
    users["pool_mediator"] = make_user("p-poolbemiddelaar@p.example", organisation=home)
    users["requester"] = make_user("p-aanvrager@p.example", organisation=other)
    Requester.objects.create(organisation=other, user=users["requester"])
    users["network_coordinator"] = make_user("p-netwerkcoordinator@p.example", organisation=left)
    users["other_network_member"] = make_user("p-ander-netwerk@p.example", organisation=far)
    statuses = {
        home: NetworkMembershipStatus.ACTIVE,
        other: NetworkMembershipStatus.ACTIVE,
        unverified_org: NetworkMembershipStatus.ACTIVE,
        asked: NetworkMembershipStatus.REQUESTED,
        declined: NetworkMembershipStatus.DECLINED,
        left: NetworkMembershipStatus.LEFT,
    }
    network = factories.network("Populatienetwerk", coordinators=[users["network_coordinator"]])
    for organisation, status in statuses.items():
        NetworkMembership.objects.create(network=network, organisation=organisation, status=status)
    elsewhere = factories.network("Populatienetwerk verweg", organisations=[other, far])
    people.networks.extend([network, elsewhere])

    # Profiles: every kind × consent state at other; at home the pool mediator, an internal colleague, and the
    # removed member's (no longer current); one of the organisation that only asked to join.
    def profile(email, organisation, kind, consent):
        owner = make_user(email, organisation=organisation)
        return factories.mediator(owner, organisation=organisation, kind=kind, consent=consent)

    grid = {}
    for kind, consent in itertools.product(MediatorKind.values, LendingConsent.values):
        grid[kind, consent] = profile(f"p-bemiddelaar-{kind}-{consent}@p.example", other, kind, consent)
    lender = factories.mediator(users["pool_mediator"], organisation=home, kind=MediatorKind.POOL)
    leftover = factories.mediator(users["removed"], organisation=home, kind=MediatorKind.BOTH)
    colleague = profile("p-collega-bemiddelaar@p.example", home, MediatorKind.INTERNAL, LendingConsent.NOT_ASKED)
    outsider = profile("p-bemiddelaar-gevraagd@p.example", asked, MediatorKind.POOL, LendingConsent.CONFIRMED)
    people.profiles.extend([*grid.values(), lender, leftover, colleague, outsider])
    people.externals.extend(factories.external_mediator(org, f"Extern {org.slug}") for org in (home, other))

    # Requests in every status: home's and other's in the first network, other's and far's in the second. Offers
    # follow the request's status; the pool mediator offers on other's, other's pool mediators on home's.
    borrowed_from = grid[MediatorKind.POOL, LendingConsent.CONFIRMED]
    offer_status = {
        RequestStatus.OPEN: OfferStatus.OPEN,
        RequestStatus.CHOSEN: OfferStatus.CHOSEN,
        RequestStatus.LOANED: OfferStatus.APPROVED,
        RequestStatus.COMPLETED: OfferStatus.APPROVED,
        RequestStatus.WITHDRAWN: OfferStatus.DECLINED,
    }
    for net, organisation, asker, mediator in (
        (network, home, users["coordinator"], borrowed_from),
        (network, other, users["requester"], lender),
        (elsewhere, other, users["requester"], None),
        (elsewhere, far, users["other_network_member"], None),
    ):
        for status in RequestStatus.values:
            request = factories.mediator_request(
                net, asker, organisation=organisation, status=status, title=f"Verzoek {organisation.slug} {status}"
            )
            people.requests.append(request)
            if mediator is None:
                continue
            offer = factories.offer(request, mediator, status=offer_status[status])
            people.offers.append(offer)
            if offer.status == OfferStatus.APPROVED:
                people.loans.append(_loan(offer, hours=8 if status == RequestStatus.COMPLETED else None))
    first_open = people.requests[0]
    people.offers.append(
        factories.offer(first_open, grid[MediatorKind.BOTH, LendingConsent.CONFIRMED], status=OfferStatus.REFUSED)
    )
    people.offers.append(
        factories.offer(
            people.requests[4], grid[MediatorKind.BOTH, LendingConsent.CONFIRMED], status=OfferStatus.WITHDRAWN
        )
    )
    # Two more open requests of other: one the pool mediator declared a conflict on, one they may still offer on.
    for title in ("Verzoek met belangenconflict", "Verzoek zonder aanbod"):
        people.requests.append(factories.mediator_request(network, users["requester"], organisation=other, title=title))
    ConflictDeclaration.objects.create(request=people.requests[-2], mediator=lender)
    # A loan of the mediator whose membership ends: the ledger keeps it, the mediator no longer sees it.
    request = factories.mediator_request(
        network, users["requester"], organisation=other, status=RequestStatus.COMPLETED
    )
    people.requests.append(request)
    people.offers.append(factories.offer(request, leftover, status=OfferStatus.APPROVED))
    people.loans.append(_loan(people.offers[-1], hours=3))
    # Whoever asked and whoever mediated erased their accounts: the loan stays, between the organisations only.
    request = factories.mediator_request(elsewhere, None, organisation=far, status=RequestStatus.COMPLETED)
    people.requests.append(request)
    people.loans.append(
        Loan.objects.create(
            request=request, network=elsewhere, lending_organisation=other, borrowing_organisation=far, hours=5
        )
    )
    # The removed member still coordinates the second network: the coordination gives nothing without a membership.
    elsewhere.coordinators.add(users["removed"])


def _cases(people: Population, home, other, unverified_org) -> None:
    """The case register: at home a handler's open case, a closed one, one reduced to statistics and one whose
    handler is the member whose membership ends; at other a case of its member, seen by other's coordinator; a case
    of the unverified organisation, whose coordinator counts for nothing. Each with its log entry."""
    from cases.audit import record
    from cases.choices import CaseStatus, EventAction, Outcome

    users = people.users
    users["case_handler"] = make_user("p-behandelaar@p.example", organisation=home)
    users["other_coordinator"] = make_user("p-coordinator-elders@p.example", organisation=other)
    Membership.objects.filter(user=users["other_coordinator"]).update(role=Membership.Role.COORDINATOR)
    closed = {"status": CaseStatus.CLOSED, "closed_on": datetime.date(2026, 10, 1), "outcome": Outcome.AGREEMENT}
    cases = [
        factories.case(home, handler=users["case_handler"], reference="P-open"),
        factories.case(home, handler=users["case_handler"], reference="P-gesloten", **closed),
        factories.case(home, handler=users["case_handler"], reference="P-gereduceerd", **closed),
        factories.case(home, handler=users["removed"], assigned=[users["member"]], reference="P-vertrokken"),
        factories.case(other, handler=users["other_org"], reference="P-elders"),
        factories.case(unverified_org, handler=users["unverified_organisation"], reference="P-onbekend"),
    ]
    type(cases[2]).objects.filter(pk=cases[2].pk).update(status=CaseStatus.REDUCED, reduced_at=timezone.now())
    people.cases.extend(cases)
    people.case_events.extend(record(case, case.created_by, EventAction.CREATED) for case in cases)
    _management(people, home, other)


def _management(people: Population, home, other) -> None:
    """Management access to the dashboard: a member of home who has it, and the removed member who had it at home
    (counts for nothing once the membership ended) and the member of other who was given it by home (not a member
    of home, so nothing either)."""
    from measurement.models import ManagementAccess

    users = people.users
    users["management"] = make_user("p-management@p.example", organisation=home)
    for user in (users["management"], users["removed"], users["other_org"]):
        ManagementAccess.objects.create(organisation=home, user=user, granted_by=users["coordinator"])


def _loan(offer, *, hours):
    request = offer.request
    return Loan.objects.create(
        request=request,
        offer=offer,
        mediator=offer.mediator,
        network=request.network,
        lending_organisation=offer.organisation,
        borrowing_organisation=request.organisation,
        hours=hours,
        completed_on=timezone.localdate() if hours else None,
    )
