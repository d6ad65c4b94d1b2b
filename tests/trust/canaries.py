"""A small world with something private in every corner, and one person in every role around it.

Each private thing carries a canary: a made-up word that occurs nowhere else, so "did this response leak it?" is
a substring test. The words share no trigrams worth speaking of, so "did you mean" for a misspelt canary can only
suggest that canary. Everything is created through the services the platform itself uses (publishing, posting,
hiding, enrolling), with the after-commit work (search indexing, notifications, mails) run as production runs it.
"""

import io
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from accounts import roles as account_roles
from accounts.models import Membership, Organisation, User
from forum import services as forum_services
from forum.models import ForumGroup, GroupMembership, PostStatus, ThreadWatch
from forum.wagtail_hooks import ForumGroupViewSet
from knowledge.dilemmas.models import Comment, Invitation, Worksheet
from knowledge.experiences.models import ExperienceSubmission, Outcome, Setting
from knowledge.models import ContentPage
from knowledge.training import services as training_services
from knowledge.training.models import TrainingSession
from protocols.models import ChecklistRun, ProtocolPage
from tests import factories

PASSWORD = "a-long-test-password"

# --- roles --------------------------------------------------------------------------------------------------------

VISITOR = "visitor"
UNVERIFIED = "unverified"  # signed up, never clicked the verification link (membership request recorded)
PENDING = "pending"  # verified address, membership waiting for the coordinator
OTHER_ORG = "other_org"  # active member of another organisation
MEMBER = "member"  # active member; owns the worksheet, enrolled in the session, watches the platform thread
GROUP_MEMBER = "group_member"  # member of the private forum group; invited to the worksheet
OTHER_GROUP_MODERATOR = "other_group_moderator"  # moderates another private group, not this one
SITE_MODERATOR = "site_moderator"  # in the Moderators group
REMOVED = "removed"  # membership ended; keeps the leftovers (group membership, invitation, watch) it had

ROLES = (
    VISITOR,
    UNVERIFIED,
    PENDING,
    OTHER_ORG,
    MEMBER,
    GROUP_MEMBER,
    OTHER_GROUP_MODERATOR,
    SITE_MODERATOR,
    REMOVED,
)
# A coordinator removed them (Membership.Status.REMOVED); what the membership left behind is kept on purpose.
ENDED_MEMBERSHIP = Membership.Status.REMOVED

MEMBERS = frozenset({OTHER_ORG, MEMBER, GROUP_MEMBER, OTHER_GROUP_MODERATOR, SITE_MODERATOR})
EVERYONE = frozenset(ROLES)

# --- canaries -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Canary:
    name: str
    token: str
    readers: frozenset  # the roles that may read it, on whatever surface it appears

    @property
    def finder(self) -> str:
        """A second made-up word next to the token, to search, complete and tag with. Search pages repeat the
        query, so a surface is asked for the finder and inspected for the token (or the other way round)."""
        return self.token[::-1]

    @property
    def misspelt(self) -> str:
        """The finder one letter off, for "did you mean"."""
        position = len(self.finder) - 3
        letter = "x" if self.finder[position] != "x" else "y"
        return self.finder[:position] + letter + self.finder[position + 1 :]

    @property
    def decoy(self) -> str:
        """A public word one letter off the finder (another letter than `misspelt`): whoever may not read the
        canary must get the same "did you mean" for its finder as for a word never written, i.e. this decoy."""
        letter = "x" if self.finder[1] != "x" else "y"
        return self.finder[0] + letter + self.finder[2:]

    @property
    def words(self) -> str:
        """What the canary's text carries: its token, its finder and the word every canary shares."""
        return f"{self.token} {self.finder} {SHARED}"


CANARIES = {
    canary.name: canary
    for canary in (
        # Read by everyone: proves that each surface really shows what it should (a broken fetch cannot pass).
        Canary("public", "pinguinorkest", EVERYONE),
        Canary("members_page", "vlinderkompas", MEMBERS),
        Canary("members_protocol", "zeppelinmoeras", MEMBERS),
        Canary("platform_thread", "walvisdijk", MEMBERS),
        Canary("private_thread", "kameleonbrug", frozenset({GROUP_MEMBER, SITE_MODERATOR})),
        Canary("private_reply", "toekanharmonie", frozenset({GROUP_MEMBER, SITE_MODERATOR})),
        # Its group was a platform group until an administrator made it private in the CMS.
        Canary("formerly_platform", "mierenpagode", frozenset({GROUP_MEMBER, SITE_MODERATOR})),
        Canary("held_post", "egelfanfare", frozenset({SITE_MODERATOR})),
        # A reply in a thread whose first post a moderator hid afterwards: the whole thread is gone for readers.
        Canary("hidden_thread", "lamaviaduct", frozenset({SITE_MODERATOR})),
        Canary("hidden_post", "okapilantaarn", frozenset({SITE_MODERATOR})),
        Canary("worksheet", "flamingoveer", frozenset({MEMBER, GROUP_MEMBER})),
        Canary("worksheet_comment", "bevermozaiek", frozenset({MEMBER, GROUP_MEMBER})),
        Canary("pending_experience", "narwalpaleis", frozenset({SITE_MODERATOR})),
        Canary("meeting_link", "lynxkwartet", frozenset({MEMBER})),
    )
}
# In every canary: a search for it matches public and private things alike (what facets are counted over).
SHARED = "kanariegedeeld"
# In the public page: one decoy per canary but the public one (see Canary.decoy).
DECOYS = " ".join(canary.decoy for canary in CANARIES.values() if canary.name != "public")
SEARCHABLE = (
    "public",
    "members_page",
    "members_protocol",
    "platform_thread",
    "private_thread",
    "private_reply",
    "formerly_platform",
)
TAGGED = ("public", "members_page", "members_protocol")


def token(name: str) -> str:
    return CANARIES[name].token


def words(name: str) -> str:
    return CANARIES[name].words


def finder(name: str) -> str:
    return CANARIES[name].finder


@dataclass
class World:
    users: dict[str, User | None] = field(default_factory=dict)
    objects: dict[str, object] = field(default_factory=dict)
    # What the platform mailed to each role while the world was built (immediate mails and the daily digest).
    mails: dict[str, str] = field(default_factory=dict)

    def user(self, role):
        """A fresh copy from the database: permission helpers cache on the user object."""
        account = self.users[role]
        return None if account is None else User.objects.get(pk=account.pk)

    def __getitem__(self, name):
        return self.objects[name]


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def protocol_step(text):
    return {
        "type": "step",
        "value": {
            "title": f"Stap {text}",
            "responsible_role": "Behandelaar",
            "actions": f"<p>{text}</p>",
            "checklist": [f"Punt {text}"],
            "typical_duration": "",
            "documents": [],
        },
    }


def _publish(page, parent, *, tags=(), login_only=False, versions=1):
    parent.add_child(instance=page)
    page.tags.set(list(tags))
    if login_only:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for number in range(versions):
        if number:
            page.summary = f"{page.summary} (versie {number + 1})"
            page.change_note = f"Versie {number + 1}."
        page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def make_user(email, *, organisation=None, status=Membership.Status.ACTIVE, verified=True):
    user = User.objects.create_user(
        email=email, password=PASSWORD, first_name=email.split("@")[0].title(), last_name="Kanarie"
    )
    if verified:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
    if organisation is not None:
        Membership.objects.create(
            user=user, organisation=organisation, status=status, source=Membership.Source.APPROVAL
        )
    return user


def edit_in_cms(group, **changes):
    """Change a forum group the way an administrator does: through the CMS form."""
    client = Client()
    client.force_login(factories.superuser())
    data = {name: getattr(group, name) for name in ForumGroupViewSet.form_fields}
    data.update(changes)
    data = {name: ("" if value is None else value) for name, value in data.items() if value is not False}
    response = client.post(reverse("forum_groups:edit", args=[group.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def committed():
    """What a request's commit sets off (indexing, notifications, mails) happens here, one step at a time: each step
    of the story sees the state the previous ones left, as in production."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def commit(function, *args, **kwargs):
    with committed():
        return function(*args, **kwargs)


def _join(group, user, role=GroupMembership.Role.MEMBER):
    return GroupMembership.objects.create(group=group, user=user, role=role, status=GroupMembership.Status.ACTIVE)


def build_world() -> World:
    """Creates the roles and the canaries; the caller runs it inside a transaction it rolls back."""
    translation.activate("nl")
    world = World()
    _build(world)
    with committed():
        # Replies wait for the daily digest by default: send it as the daily job would.
        call_command("send_notification_digests", stdout=io.StringIO())
    for role in ROLES:
        account = world.users[role]
        if account is None:
            continue
        texts = []
        for message in mail.outbox:
            if account.email in message.to:
                texts.append(f"{message.subject}\n{message.body}")
                texts += [str(content) for _alt_content, content in getattr(message, "alternatives", [])]
                texts += [
                    attachment[1].decode() if isinstance(attachment[1], bytes) else str(attachment[1])
                    for attachment in message.attachments
                    if isinstance(attachment, tuple)
                ]
        world.mails[role] = "\n".join(texts)
    mail.outbox = []
    return world


def _build(world: World) -> None:
    home = Organisation.objects.create(slug="kanarie-gemeente", name="Gemeente Kanarie")
    other = Organisation.objects.create(slug="kanarie-waterschap", name="Waterschap Kanarie")
    users = world.users
    users[VISITOR] = None
    users[UNVERIFIED] = make_user(
        "nooit-bevestigd@kanarie.example", organisation=home, status=Membership.Status.PENDING, verified=False
    )
    users[PENDING] = make_user("wachtend@kanarie.example", organisation=home, status=Membership.Status.PENDING)
    users[OTHER_ORG] = make_user("elders@waterschap-kanarie.example", organisation=other)
    users[MEMBER] = make_user("lid@kanarie.example", organisation=home)
    users[GROUP_MEMBER] = make_user("groepslid@kanarie.example", organisation=home)
    users[OTHER_GROUP_MODERATOR] = make_user("andere-moderator@kanarie.example", organisation=other)
    users[SITE_MODERATOR] = make_user("sitemoderator@kanarie.example", organisation=other)
    users[SITE_MODERATOR].groups.add(Group.objects.get(name=account_roles.MODERATORS))
    users[REMOVED] = make_user("vertrokken@kanarie.example", organisation=home)
    author = make_user("auteur@kanarie.example", organisation=home)

    # Pages: public, members-only (Wagtail's "logged-in users" restriction), and protocols of both kinds.
    nl_home = factories.home("nl")
    world.objects["public_page"] = commit(
        _publish,
        ContentPage(
            title=f"Openbaar {words('public')}",
            slug=f"kanarie-{finder('public')}",
            summary=f"Openbare samenvatting {words('public')}",
            body=paragraph(f"Openbare tekst {words('public')}. {DECOYS}"),
        ),
        nl_home,
        tags=[finder("public")],
    )
    world.objects["members_page"] = commit(
        _publish,
        ContentPage(
            title=f"Alleen leden {words('members_page')}",
            slug=f"kanarie-{finder('members_page')}",
            summary=f"Samenvatting {words('members_page')}",
            body=paragraph(f"Vertrouwelijke tekst {words('members_page')}."),
        ),
        nl_home,
        tags=[finder("members_page")],
        login_only=True,
    )
    index = factories.protocol_index("nl")
    for name, login_only in (("public_protocol", False), ("members_protocol", True)):
        canary = CANARIES["public" if name == "public_protocol" else "members_protocol"]
        world.objects[name] = commit(
            _publish,
            ProtocolPage(
                title=f"Protocol {canary.words}",
                slug=f"kanarie-protocol-{canary.finder}",
                summary=f"Samenvatting {canary.words}",
                steps=[protocol_step(canary.words)],
                conflict_setting="objection",
                change_note="Eerste versie.",
            ),
            index,
            tags=[canary.finder],
            login_only=login_only,
            versions=2,
        )
        world.objects[f"{name}_run"] = ChecklistRun.objects.create(
            user=users[MEMBER], page=world.objects[name], label=f"Mijn lijst {canary.token}"
        )

    # Forum: a public, a platform and a private group, and a private group moderated by someone else.
    public = ForumGroup.objects.create(
        name="Kanarie open", slug="kanarie-open", visibility=ForumGroup.Visibility.PUBLIC
    )
    platform = ForumGroup.objects.create(
        name="Kanarie platform", slug="kanarie-platform", visibility=ForumGroup.Visibility.PLATFORM
    )
    private = ForumGroup.objects.create(
        name="Kanarie besloten",
        slug="kanarie-besloten",
        visibility=ForumGroup.Visibility.PRIVATE,
        join_policy=ForumGroup.JoinPolicy.INVITATION,
    )
    elsewhere = ForumGroup.objects.create(
        name="Kanarie elders", slug="kanarie-elders", visibility=ForumGroup.Visibility.PRIVATE
    )
    world.objects.update(public_group=public, platform_group=platform, private_group=private, other_group=elsewhere)
    for group in (public, platform, private):
        _join(group, author)
    _join(private, users[GROUP_MEMBER])
    _join(private, users[REMOVED])  # a leftover: the removal did not end it
    _join(elsewhere, users[OTHER_GROUP_MODERATOR], GroupMembership.Role.MODERATOR)
    for role in (MEMBER, OTHER_ORG):
        _join(platform, users[role])
    for role in (OTHER_ORG, MEMBER, GROUP_MEMBER, OTHER_GROUP_MODERATOR):
        _join(public, users[role])

    # The public thread links the members-only page ("discuss in the forum"): its title must not show to outsiders.
    world.objects["public_thread"] = commit(
        forum_services.create_thread,
        public,
        author,
        title=f"Open draad {words('public')}",
        body_markdown=f"Openbaar bericht {words('public')}",
        related_page=world["members_page"],
    )
    platform_thread = commit(
        forum_services.create_thread,
        platform,
        author,
        title=f"Platformdraad {words('platform_thread')}",
        body_markdown="Voor alle leden.",
    )
    world.objects["platform_thread"] = platform_thread
    private_thread = commit(
        forum_services.create_thread,
        private,
        author,
        title=f"Besloten draad {words('private_thread')}",
        body_markdown="Alleen voor de groep.",
    )
    world.objects["private_thread"] = private_thread
    for role in (GROUP_MEMBER, REMOVED):
        ThreadWatch.objects.create(thread=private_thread, user=users[role])
    ThreadWatch.objects.create(thread=platform_thread, user=users[MEMBER])
    world.objects["private_reply"] = commit(
        forum_services.reply, private_thread, author, f"Vertrouwelijke reactie {words('private_reply')}"
    )
    # Published (and notified to the thread's watchers), then hidden by a moderator.
    hidden = commit(forum_services.reply, platform_thread, author, f"Later verborgen {words('hidden_post')}")
    world.objects["hidden_post"] = commit(forum_services.hide_post, hidden)
    # Held for pre-moderation: the moderators are told, nobody else sees it.
    platform.premoderation = ForumGroup.Premoderation.ALL
    platform.save(update_fields=["premoderation"])
    held = commit(forum_services.reply, platform_thread, author, f"Wacht op moderatie {words('held_post')}")
    assert held.status == PostStatus.HELD
    world.objects["held_post"] = held
    platform.premoderation = ForumGroup.Premoderation.OFF
    platform.save(update_fields=["premoderation"])

    # A thread whose first post is hidden after someone replied: the reply goes with it.
    doomed = commit(
        forum_services.create_thread,
        platform,
        author,
        title=f"Verdwenen draad {words('hidden_thread')}",
        body_markdown="Wordt verborgen.",
    )
    commit(forum_services.reply, doomed, author, f"Reactie in verdwenen draad {words('hidden_thread')}")
    commit(forum_services.hide_post, doomed.first_post)
    world.objects["hidden_thread"] = doomed

    # A platform group made private in the CMS, with a thread from its platform days.
    turned = ForumGroup.objects.create(
        name="Kanarie wordt besloten", slug="kanarie-wordt-besloten", visibility=ForumGroup.Visibility.PLATFORM
    )
    _join(turned, author)
    _join(turned, users[GROUP_MEMBER])
    world.objects["formerly_platform"] = commit(
        forum_services.create_thread,
        turned,
        author,
        title=f"Van het platform {words('formerly_platform')}",
        body_markdown="Nog openbaar.",
    )
    world.objects["turned_group"] = turned
    commit(edit_in_cms, turned, visibility=ForumGroup.Visibility.PRIVATE, join_policy=ForumGroup.JoinPolicy.INVITATION)

    # A worksheet: the member's own, shared with the group member (and, a leftover, with the removed member).
    worksheet = Worksheet.objects.create(
        owner=users[MEMBER],
        plan_title="Stappenplan",
        title=f"Mijn dilemma {words('worksheet')}",
        context=f"Context {words('worksheet')}",
    )
    for role in (GROUP_MEMBER, REMOVED):
        Invitation.objects.create(worksheet=worksheet, invitee=users[role])
    world.objects["worksheet"] = worksheet
    world.objects["worksheet_comment"] = Comment.objects.create(
        worksheet=worksheet, author=users[GROUP_MEMBER], text=f"Mijn commentaar {words('worksheet_comment')}"
    )

    # An experience waiting for moderation.
    world.objects["pending_experience"] = ExperienceSubmission.objects.create(
        author=author,
        language="nl",
        title=f"Ervaring {token('pending_experience')}",
        setting=Setting.CITIZEN_GOVERNMENT,
        case_kind="Bezwaar",
        what_happened=f"Wat er gebeurde {words('pending_experience')}",
        approach="Een gesprek.",
        outcome=Outcome.RESOLVED,
        lessons="Eerst bellen.",
    )

    # A training session with an online meeting link, and the member enrolled in it.
    module = factories.training_module("Kanarietraining", sessions=[])
    start = timezone.now() + timedelta(days=30)
    session = TrainingSession.objects.create(
        page=module,
        start=start,
        end=start + timedelta(hours=3),
        location="Utrecht, zaal 2",
        online_url=f"https://meet.example/{token('meeting_link')}",
        capacity=20,
        language="nl",
    )
    world.objects.update(module=module, session=session)
    world.objects["enrolment"] = commit(training_services.enrol, session.pk, users[MEMBER])

    # The membership ends last: what it left behind (group membership, invitation, watch) stays.
    Membership.objects.filter(user=users[REMOVED]).update(status=ENDED_MEMBERSHIP, decided_at=timezone.now())
