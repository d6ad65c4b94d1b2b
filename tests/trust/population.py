"""A generated population for the permission pairs: people in every role × objects in every state.

Forum groups in every visibility × join policy, each with threads and posts in every status and memberships in
every status, earlier versions of posts and audit entries; worksheets shared and not; experience submissions in every
status; training sessions of two trainers; organisations with and without a coordinator; private checklists and
saved suitability results; pages public and members-only. Built directly with the models (states the services would
take several steps to reach), then indexed for search as the platform indexes after a commit.
"""

import itertools
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils import timezone
from wagtail.models import PageViewRestriction

from accounts import roles as account_roles
from accounts.models import Membership, Organisation, User
from forum.models import ForumGroup, GroupMembership, Post, PostRevision, PostStatus, Thread
from forum.moderation.models import AuditEntry, ReviewItem
from knowledge.dilemmas.models import Invitation, Worksheet
from knowledge.experiences.models import ExperienceSubmission, Outcome, Setting
from knowledge.models import ContentPage
from knowledge.training.models import TrainingSession
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
}


@dataclass
class Population:
    users: dict[str, User | None] = field(default_factory=dict)
    groups: list = field(default_factory=list)
    threads: list = field(default_factory=list)
    posts: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    review_items: list = field(default_factory=list)
    revisions: list = field(default_factory=list)
    audit_entries: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    checklists: list = field(default_factory=list)
    saved_results: list = field(default_factory=list)
    worksheets: list = field(default_factory=list)
    submissions: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    pages: dict = field(default_factory=dict)

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

    # Last: end the membership of the one whose group memberships and invitations are leftovers.
    Membership.objects.filter(user=users["removed"]).update(status=ENDED_MEMBERSHIP)
    return people
