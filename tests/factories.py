"""Test data, built per test: organisations, people in every role, forum groups, pages, sessions, worksheets.

A spec builds what it is about instead of looking it up in the demo content (which only the demo's own specs and
the browser tests load). Plain models get factory_boy factories; Wagtail pages get functions, because a page must
be added under its parent (`parent.add_child(instance=…)`) and published through a revision, as the CMS does.

The migrations leave the Dutch home page, the locales and the role groups. The site's fixed pages (home pages,
catalogues, the step-plan: `site()`) are built once per run by tests/conftest.py; the functions below find them, or
make them when a test that commits has emptied the database, so a spec simply asks for "the Danish catalogue".
"""

import datetime
import itertools
from datetime import timedelta

import factory
from django.contrib.auth.models import Group
from django.test import TestCase
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Locale, PageViewRestriction

from accounts import roles
from accounts.models import Membership, Organisation, OrganisationDomain, User

PASSWORD = "a-long-test-password"
LANGUAGES = ("nl", "da", "en")

_numbers = itertools.count(1)


# --- organisations and people --------------------------------------------------------------------------------------


class OrganisationFactory(DjangoModelFactory):
    """A verified municipality; `domain="x.example"` also lets people with that address join it."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Testgemeente {n}")
    slug = factory.LazyAttributeSequence(lambda organisation, n: f"{slugify(organisation.name)}-{n}")

    @factory.post_generation
    def domain(organisation, create, domain, **kwargs):
        if create and domain:
            OrganisationDomain.objects.create(organisation=organisation, domain=domain)


class UserFactory(DjangoModelFactory):
    """A person with a verified e-mail address and no organisation: see `member()` and friends for roles."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@test.example")
    first_name = factory.LazyAttribute(lambda user: user.email.split("@")[0].title())
    last_name = "Tester"
    password = factory.django.Password(PASSWORD)
    email_verified_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        """`groups=[roles.EDITORS, …]`: the role groups the migrations created."""
        if create and names:
            user.groups.add(*Group.objects.filter(name__in=names))


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.MEMBER
    status = Membership.Status.ACTIVE


def person(email=None, *, organisation=None, role=Membership.Role.MEMBER, status=Membership.Status.ACTIVE, **fields):
    """A user; with `organisation`, also a membership of it in `role` and `status` (active by default).

    `verified=False` leaves the e-mail address unconfirmed; `groups=[…]` puts them in role groups.
    """
    if email is not None:
        fields["email"] = email
    if not fields.pop("verified", True):
        fields["email_verified_at"] = None
    user = UserFactory(**fields)
    if organisation is not None:
        MembershipFactory(user=user, organisation=organisation, role=role, status=status)
    return user


def member(email=None, *, organisation=None, **fields):
    """An active member of `organisation` (a new verified one when not given): what the platform calls a member."""
    return person(email, organisation=organisation or OrganisationFactory(), **fields)


def coordinator(email=None, *, organisation=None, **fields):
    return member(email, organisation=organisation, role=Membership.Role.COORDINATOR, **fields)


def trainer(email=None, **fields):
    return member(email, groups=[roles.TRAINERS], **fields)


def editor(email=None, **fields):
    return member(email, groups=[roles.EDITORS], **fields)


def moderator(email=None, **fields):
    """A site moderator (the Moderators group), not a moderator of one forum group."""
    return member(email, groups=[roles.MODERATORS], **fields)


def superuser(email=None, **fields):
    return person(email, is_superuser=True, is_staff=True, **fields)


# --- pages ---------------------------------------------------------------------------------------------------------


def publish(page):
    """Publish `page` through a revision, as the CMS does, and return it fresh from the database.

    What publishing sets off after the commit (search indexing) runs too: the site's fixed pages are found in search.
    """
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def _fresh(page):
    # Children added under another instance of the same page leave this one's tree data stale.
    return type(page).objects.get(pk=page.pk)


def home(language="nl"):
    """The site's home page in `language` (the migrations made the Dutch one; the others are its translations)."""
    from knowledge.demo_pages import HOME
    from knowledge.models import HomePage

    existing = HomePage.objects.filter(locale__language_code=language).first()
    if existing is not None:
        return existing
    dutch = HomePage.objects.get(locale__language_code="nl")
    copy = dutch.copy_for_translation(Locale.objects.get(language_code=language)).specific
    return publish(_fill(copy, {"title": HOME[language]["title"], "lead": HOME[language]["lead"]}))


def site():
    """The site's fixed pages in every language: the home page, the catalogues of training, protocols and
    experiences, and the dilemma step-plan in its index. tests/conftest.py builds them once per run."""
    for language in LANGUAGES:
        home(language)
        training_index(language)
        protocol_index(language)
        experience_index(language)
        dilemma_plan(language)


def _index(model, texts, language, parent=None, **fields):
    """The one page of `model` in `language` under the home page: found, or made (as the demo makes it)."""
    existing = model.objects.filter(locale__language_code=language).first()
    if existing is not None:
        return existing
    text = {**texts[language], **fields}
    if language == "nl":
        page = _fill(model(show_in_menus=True), text)
        _fresh(parent or home("nl")).add_child(instance=page)
    else:
        source = _index(model, texts, "nl", parent, **fields)
        home(language)
        page = _fill(source.copy_for_translation(Locale.objects.get(language_code=language)).specific, text)
    return publish(page)


def training_index(language="nl"):
    from knowledge.training.demo_texts import INDEX
    from knowledge.training.models import TrainingIndexPage

    return _index(TrainingIndexPage, INDEX, language)


def protocol_index(language="nl"):
    from protocols.demo_pages import INDEX
    from protocols.models import ProtocolIndexPage

    return _index(ProtocolIndexPage, INDEX, language)


def experience_index(language="nl"):
    from knowledge.experiences.demo_texts import INDEX
    from knowledge.experiences.models import ExperienceIndexPage

    return _index(ExperienceIndexPage, INDEX, language)


def dilemma_index(language="nl"):
    from knowledge.dilemmas.demo_texts import INDEX
    from knowledge.dilemmas.models import DilemmaPlanIndexPage

    return _index(DilemmaPlanIndexPage, INDEX, language)


def dilemma_plan(language="nl"):
    """The dilemma step-plan (the demo's text) in `language`, a translation of the Dutch one."""
    from knowledge.dilemmas.demo_texts import PLAN
    from knowledge.dilemmas.models import DilemmaPlanPage

    existing = DilemmaPlanPage.objects.filter(locale__language_code=language).first()
    if existing is not None:
        return existing
    if language == "nl":
        page = DilemmaPlanPage()
        _fresh(dilemma_index("nl")).add_child(instance=_fill(page, PLAN["nl"]))
        return publish(page)
    dilemma_index(language)
    source = dilemma_plan("nl")
    page = source.copy_for_translation(Locale.objects.get(language_code=language)).specific
    return publish(_fill(page, PLAN[language]))


def _fill(page, text):
    for name, value in text.items():
        setattr(page, name, value)
    page.draft_title = page.title
    return page


def paragraph(text):
    """A body StreamField value of one paragraph."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def content_page(title, body="", *, summary="", tags=(), language="nl", restriction=None, live=True, parent=None):
    """A guidance page under the home page (or `parent`); `restriction=PageViewRestriction.LOGIN`: members only."""
    from knowledge.models import ContentPage

    page = ContentPage(
        title=title, slug=f"test-page-{next(_numbers)}", summary=summary or title, body=paragraph(body), live=False
    )
    _fresh(parent or home(language)).add_child(instance=page)
    page.tags.set(list(tags))
    if restriction:
        PageViewRestriction.objects.create(page=page, restriction_type=restriction, password="secret-password")
    revision = page.save_revision()
    if live:
        revision.publish()
    return ContentPage.objects.get(pk=page.pk)


# --- training ------------------------------------------------------------------------------------------------------


def training_module(
    title="Testtraining",
    *,
    language="nl",
    owner=None,
    max_group_size=12,
    sessions=None,
    audiences=(),
    tags=(),
    publish=True,
    **fields,
):
    """A module with its sessions (one in two weeks, unless `sessions=[{field: value}, …]`), published as the CMS
    does. The owner is a new trainer unless given; `audiences` are Audience keys ("managers", "policy", …)."""
    from knowledge.training.models import Audience, TrainingModulePage, TrainingModuleTrainer, TrainingSession

    soon = timezone.now() + timedelta(days=14)
    sessions = sessions if sessions is not None else [{}]
    module = TrainingModulePage(
        title=title,
        slug=fields.pop("slug", None) or slugify(title),
        summary=fields.pop("summary", "Een training om te testen."),
        learning_goals=fields.pop("learning_goals", "<p>Leren.</p>"),
        duration=fields.pop("duration", "Een dag"),
        format=fields.pop("format", "in_person"),
        max_group_size=max_group_size,
        owner=owner or trainer(),
        **fields,
    )
    module.trainers = [TrainingModuleTrainer(name="Tessa Trainer")]
    module.audiences.set(Audience.objects.filter(key__in=audiences))
    module.tags.set(list(tags))
    module.sessions = [
        TrainingSession(
            **{
                "start": soon + timedelta(days=7 * number),
                "end": soon + timedelta(days=7 * number, hours=3),
                "location": "Stadhuis Zeist",
                "language": language,
                "sort_order": number,
                **session,
            }
        )
        for number, session in enumerate(sessions)
    ]
    _fresh(training_index(language)).add_child(instance=module)
    if publish:
        module.save_revision().publish()
    return TrainingModulePage.objects.get(pk=module.pk)


def enrol(session, user, status="enrolled"):
    from knowledge.training.models import Enrolment

    return Enrolment.objects.create(session=session, user=user, status=status)


# --- protocols -----------------------------------------------------------------------------------------------------


def protocol_step(title="Bellen", items=("Gebeld",), role="Behandelaar", actions="<p>Bel de indiener.</p>"):
    """One raw step block of a protocol."""
    return {
        "type": "step",
        "value": {
            "title": title,
            "responsible_role": role,
            "actions": actions,
            "checklist": list(items),
            "typical_duration": "",
            "documents": [],
        },
    }


def protocol_page(title=None, steps=1, *, language="nl", publish=True, change_note="Eerste versie.", **fields):
    """A protocol in the catalogue of `language`. `steps`: a number of generated steps or a list of step blocks."""
    from protocols.models import ProtocolPage

    number = next(_numbers)
    title = title or f"Testprotocol {number}"
    if isinstance(steps, int):
        steps = [protocol_step(f"Stap {n}", items=(f"Punt {n}a", f"Punt {n}b")) for n in range(1, steps + 1)]
    fields.setdefault("conflict_setting", "objection")
    page = ProtocolPage(
        title=title,
        slug=fields.pop("slug", f"testprotocol-{number}"),
        summary=fields.pop("summary", f"Samenvatting van {title}"),
        steps=steps,
        change_note=change_note,
        live=False,
        **fields,
    )
    _fresh(protocol_index(language)).add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return ProtocolPage.objects.get(pk=page.pk)


# --- dilemmas ------------------------------------------------------------------------------------------------------


def worksheet(owner, title="Kanariedilemma: wel of niet handhaven", *, plan=None, readers=()):
    """A worksheet of `owner` on the step-plan of their language, shared with `readers` (no mail sent)."""
    from knowledge.dilemmas import services
    from knowledge.dilemmas.models import Invitation

    sheet = services.start_worksheet(owner, plan or dilemma_plan(owner.preferred_language or "nl"), title)
    for reader in readers:
        Invitation.objects.create(worksheet=sheet, invitee=reader)
    return sheet


# --- experiences ---------------------------------------------------------------------------------------------------


class ExperienceSubmissionFactory(DjangoModelFactory):
    """A submission waiting for moderation (pass `status=` for another state)."""

    class Meta:
        model = "experiences.ExperienceSubmission"

    author = factory.LazyFunction(member)
    language = "nl"
    title = factory.Sequence(lambda n: f"Ervaring {n}")
    setting = "workplace"
    case_kind = "Conflict"
    what_happened = "Iets."
    approach = "Praten."
    outcome = "partly"
    lessons = "Luisteren."


def experience_page(title="Testervaring", *, language="nl", tags=(), **fields):
    """A published experience in the experience index of `language`."""
    from knowledge.experiences.models import ExperiencePage

    page = ExperiencePage(
        title=title,
        slug=f"testervaring-{next(_numbers)}",
        setting=fields.pop("setting", "citizen_government"),
        case_kind=fields.pop("case_kind", "Bezwaar"),
        what_happened=fields.pop("what_happened", "Er gebeurde iets."),
        approach=fields.pop("approach", "Wij belden."),
        outcome=fields.pop("outcome", "resolved"),
        lessons=fields.pop("lessons", "Bellen helpt."),
        **fields,
    )
    _fresh(experience_index(language)).add_child(instance=page)
    page.tags.set(list(tags))
    page.save_revision().publish()
    return ExperiencePage.objects.get(pk=page.pk)


# --- forum ---------------------------------------------------------------------------------------------------------


class ForumGroupFactory(DjangoModelFactory):
    """A platform group anyone may join; pass `visibility=`/`join_policy=` for another kind."""

    class Meta:
        model = "forum.ForumGroup"

    name = factory.Sequence(lambda n: f"Testgroep {n}")
    slug = factory.LazyAttributeSequence(lambda group, n: f"{slugify(group.name)}-{n}")


def join(group, user, role="member", status="active"):
    """`user`'s membership of forum group `group` (role "member"/"moderator", any status)."""
    from forum.models import GroupMembership

    return GroupMembership.objects.create(group=group, user=user, role=role, status=status)


def forum_group(slug=None, *, members=(), moderators=(), **fields):
    """A forum group with active `members` and `moderators`."""
    if slug is not None:
        fields["slug"] = slug
        fields.setdefault("name", slug.replace("-", " ").title())
    group = ForumGroupFactory(**fields)
    for user in members:
        join(group, user)
    for user in moderators:
        join(group, user, role="moderator")
    return group


def forum_thread(group, author, *, title="Een lastige casus", body="Wat zouden jullie doen?", status="published"):
    """A thread with its first post in `status`, stored directly (states the services take several steps to reach).

    To post as a member would, with pre-moderation and notifications, use `forum.services.create_thread`.
    """
    from forum.models import Post, Thread

    thread = Thread.objects.create(group=group, title=title, author=author)
    first = Post.objects.create(thread=thread, author=author, body_markdown=body, status=status)
    thread.first_post, thread.status = first, status
    thread.save(update_fields=["first_post", "status"])
    return thread


def forum_post(thread, author, body="Een reactie.", *, status="published"):
    from forum.models import Post

    return Post.objects.create(thread=thread, author=author, body_markdown=body, status=status)


# --- the mediator pool -------------------------------------------------------------------------------------------


def network(name=None, *, organisations=(), coordinators=(), **fields):
    """A regional network with the given organisations participating and the given network coordinators."""
    from pool.models import Network, NetworkMembership

    number = next(_numbers)
    name = name or f"Testnetwerk {number}"
    instance = Network.objects.create(name=name, slug=fields.pop("slug", f"{slugify(name)}-{number}"), **fields)
    for organisation in organisations:
        NetworkMembership.objects.create(network=instance, organisation=organisation, status="active")
    instance.coordinators.add(*coordinators)
    return instance


def mediator(user=None, *, organisation=None, kind="pool", consent="confirmed", expertise=(), **fields):
    """A mediator profile; by default in the pool with the coordinator's confirmation. `expertise` holds
    (facet, value) pairs such as ("domain", "hr")."""
    from pool.models import Expertise, MediatorProfile

    if user is None:
        user = member(organisation=organisation or OrganisationFactory())
    organisation = organisation or user.memberships.get().organisation
    profile = MediatorProfile.objects.create(
        user=user, organisation=organisation, kind=kind, lending_consent=consent, **fields
    )
    for facet, value in expertise:
        Expertise.objects.create(profile=profile, facet=facet, value=value)
    return profile


def external_mediator(organisation, name="Extern Bureau Mediator", *, expertise=(), **fields):
    from pool.models import Expertise, ExternalMediator

    external = ExternalMediator.objects.create(organisation=organisation, name=name, **fields)
    for facet, value in expertise:
        Expertise.objects.create(external=external, facet=facet, value=value)
    return external


def mediator_request(network, requested_by, *, organisation=None, status="open", **fields):
    """A request to `network` from `organisation` (by default the asker's only organisation)."""
    from pool.models import MediatorRequest

    organisation = organisation or requested_by.memberships.get().organisation
    defaults = {
        "title": "Conflict over een vergunning",
        "conflict_kind": "citizen_government",
        "domain": "environment",
        "language": "nl",
        "description": "Een bewoner en de afdeling vergunningen praten langs elkaar heen.",
    }
    return MediatorRequest.objects.create(
        network=network, organisation=organisation, requested_by=requested_by, status=status, **(defaults | fields)
    )


def offer(request, profile, *, status="open", **fields):
    from pool.models import Offer

    if status in ("chosen", "approved"):
        fields.setdefault("committed_at", timezone.now())
    return Offer.objects.create(
        request=request, mediator=profile, organisation=profile.organisation, status=status, **fields
    )


def case(organisation=None, *, handler=None, assigned=(), **fields):
    """A case of `organisation` (by default the handler's only organisation), with the handler and `assigned`
    members assigned to it."""
    from cases.models import Assignment, Case

    organisation = organisation or handler.memberships.get().organisation
    defaults = {
        "reference": "BZ-2026-0042",
        "kind": "objection",
        "policy_domain": "environment",
        "summary": "Bezwaar tegen een omgevingsvergunning voor een dakkapel.",
        "received_on": datetime.date(2026, 9, 1),
        "decision_due_on": datetime.date(2026, 11, 24),
    }
    created = Case.objects.create(organisation=organisation, created_by=handler, **(defaults | fields))
    for user, role in [(handler, "handler")] + [(user, "colleague") for user in assigned]:
        if user is not None:
            Assignment.objects.create(case=created, user=user, role=role)
    return created


def management_access(organisation, user, *, granted_by=None):
    """`user` may read `organisation`'s dashboard without being its coordinator."""
    from measurement.models import ManagementAccess

    return ManagementAccess.objects.create(organisation=organisation, user=user, granted_by=granted_by)


def closed_case(organisation=None, *, handler=None, outcome="agreement", closed_on=None, hours=(), **fields):
    """A closed case; `hours` as (role, hours) pairs."""
    from cases.models import Hours

    fields.setdefault("received_on", datetime.date(2026, 9, 1))
    created = case(
        organisation,
        handler=handler,
        status="closed",
        outcome=outcome,
        closed_on=closed_on or datetime.date(2026, 10, 1),
        **fields,
    )
    for role, amount in hours:
        Hours.objects.create(case=created, role=role, hours=amount)
    return created


def evaluation_code(closed, *, code="ABCD-EFGH", language="nl", used=False, expires_on=None):
    """A party evaluation code of a closed case."""
    from measurement.models import EvaluationCode

    return EvaluationCode.objects.create(
        case=closed,
        organisation_id=closed.organisation_id,
        code=code,
        language=language,
        used=used,
        expires_on=expires_on or datetime.date.today() + datetime.timedelta(days=90),
    )
