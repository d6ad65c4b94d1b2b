"""Each permission rule is written twice: as a check on one object and as a filter on a queryset. They must agree.

Every `core.permissions.Rule` in every app's `permissions` module is found here by itself, so a new rule cannot be
left out. For every person in the generated population and every object of the rule's model in it: check(user, obj)
is true exactly when obj is in filter(user). A disagreement means one code path shows what another hides (a
"Report" link that answers 404, a search hit for a thread that does not open, a list that omits what the page serves).
"""

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation

from accounts.models import Membership, Organisation
from cases.models import Case, CaseEvent
from core.permissions import Rule
from forum import notifications
from forum import permissions as forum_permissions
from forum.models import ForumGroup, GroupMembership, Post, PostRevision, Thread
from forum.moderation.models import AuditEntry, PlatformSuspension, Report, ReviewItem, StaffNote
from knowledge.dilemmas.models import Worksheet
from knowledge.experiences.models import ExperienceSubmission
from knowledge.training.models import TrainingSession
from notifications import registry
from pool.models import ExternalMediator, Loan, MediatorProfile, MediatorRequest, Network, Offer
from protocols.models import ChecklistRun, SavedSuitabilityResult
from search.audience import audience_for
from search.backends.sql import permission_sql
from search.indexing import source_of
from search.models import SearchDocument
from tests.trust.population import build_population

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def population(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_population()
        yield built
        transaction.set_rollback(True)


def disagreements(population, objects, object_check, queryset_filter):
    """[(person, object, what the object check says)] wherever the two sides differ, and the answers given (the
    pairs are only as good as the population: each rule must answer both yes and no)."""
    found, answers = [], set()
    for name, user in population.people():
        filtered = set(queryset_filter(user).values_list("pk", flat=True))
        for obj in objects:
            allowed = object_check(user, obj)
            answers.add(allowed)
            if allowed != (obj.pk in filtered):
                found.append((name, str(obj), "object check allows" if allowed else "queryset allows"))
    return found, answers


def listing(found) -> str:
    return f"{len(found)} disagreements:\n" + "\n".join(" | ".join(row) for row in found)


def fresh(model, objects, *related):
    """Objects re-read from the database, so no cached relation or state from building the population leaks in."""
    by_pk = model._default_manager.select_related(*related).in_bulk([obj.pk for obj in objects])
    return [by_pk[obj.pk] for obj in objects]


def permission_rules() -> dict[str, Rule]:
    """Every Rule of every app of the project's own permissions module, by "app label.RULE"."""
    found = {}
    for app in apps.get_app_configs():
        if "site-packages" in app.path:
            continue
        name = f"{app.name}.permissions"
        try:
            module = import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        for attribute, value in vars(module).items():
            if isinstance(value, Rule):
                found[f"{app.label}.{attribute}"] = value
    return found


RULES = permission_rules()

# The population's objects of each model a rule may be about, re-read with what the checks look at.
OBJECTS = {
    ForumGroup: lambda p: fresh(ForumGroup, p.groups),
    Thread: lambda p: fresh(Thread, p.threads, "group"),
    Post: lambda p: fresh(Post, p.posts, "thread__group"),
    PostRevision: lambda p: fresh(PostRevision, p.revisions, "post__thread__group"),
    GroupMembership: lambda p: fresh(GroupMembership, p.memberships, "group"),
    ReviewItem: lambda p: fresh(ReviewItem, p.review_items, "post__thread__group"),
    AuditEntry: lambda p: fresh(AuditEntry, p.audit_entries),
    StaffNote: lambda p: fresh(StaffNote, p.staff_notes, "group"),
    # Accounts as what a moderator acts on or reads about (platform-wide suspension, moderation history).
    get_user_model(): lambda p: fresh(get_user_model(), [user for user in p.users.values() if user is not None]),
    Worksheet: lambda p: fresh(Worksheet, p.worksheets),
    ExperienceSubmission: lambda p: fresh(ExperienceSubmission, p.submissions),
    TrainingSession: lambda p: fresh(TrainingSession, p.sessions, "page"),
    Organisation: lambda p: fresh(Organisation, p.organisations),
    ChecklistRun: lambda p: fresh(ChecklistRun, p.checklists),
    SavedSuitabilityResult: lambda p: fresh(SavedSuitabilityResult, p.saved_results),
    Network: lambda p: fresh(Network, p.networks),
    MediatorProfile: lambda p: fresh(MediatorProfile, p.profiles),
    ExternalMediator: lambda p: fresh(ExternalMediator, p.externals),
    MediatorRequest: lambda p: fresh(MediatorRequest, p.requests),
    Offer: lambda p: fresh(Offer, p.offers),
    Loan: lambda p: fresh(Loan, p.loans, "mediator", "request"),
    Case: lambda p: fresh(Case, p.cases),
    CaseEvent: lambda p: fresh(CaseEvent, p.case_events),
}

# Pairs that are not Rules of a permissions module: what notifications may show, registered with the registry.
PAIRS = {
    "notification target: review item": (
        lambda p: fresh(ReviewItem, p.review_items, "post__thread__group"),
        lambda user, item: registry.target_for(ReviewItem).can_view(user, item),
        lambda user: registry.target_for(ReviewItem).visible(user),
    ),
    "notification target: a reporter's report": (
        lambda p: fresh(Report, p.reports, "item__post__thread__group"),
        lambda user, report: registry.target_for(Report).can_view(user, report),
        lambda user: registry.target_for(Report).visible(user),
    ),
    "notification target: forum post": (
        lambda p: fresh(Post, p.posts, "thread__group"),
        notifications.post_can_view,
        notifications.post_visible,
    ),
    "notification target: group membership": (
        lambda p: p.memberships,
        notifications.membership_can_view,
        notifications.membership_visible,
    ),
    "notification target: pool request": (
        lambda p: fresh(apps.get_model("pool", "MediatorRequest"), p.requests),
        lambda user, obj: registry.target_for(type(obj)).can_view(user, obj),
        lambda user: registry.target_for(apps.get_model("pool", "MediatorRequest")).visible(user),
    ),
    "notification target: network membership": (
        lambda p: list(
            apps.get_model("pool", "NetworkMembership")
            .objects.filter(network__in=p.networks)
            .select_related("network", "organisation")
        ),
        lambda user, obj: registry.target_for(type(obj)).can_view(user, obj),
        lambda user: registry.target_for(apps.get_model("pool", "NetworkMembership")).visible(user),
    ),
    "notification target: pool offer": (
        lambda p: fresh(apps.get_model("pool", "Offer"), p.offers, "request", "mediator"),
        lambda user, obj: registry.target_for(type(obj)).can_view(user, obj),
        lambda user: registry.target_for(apps.get_model("pool", "Offer")).visible(user),
    ),
    # Needs cases in the population (`p.cases`), as the case register's own rules do.
    "notification target: case": (
        lambda p: fresh(apps.get_model("cases", "Case"), getattr(p, "cases", [])),
        lambda user, obj: registry.target_for(type(obj)).can_view(user, obj),
        lambda user: registry.target_for(apps.get_model("cases", "Case")).visible(user),
    ),
    "notification target: platform suspension": (
        lambda p: list(PlatformSuspension.objects.select_related("user")),
        lambda user, obj: registry.target_for(PlatformSuspension).can_view(user, obj),
        lambda user: registry.target_for(PlatformSuspension).visible(user),
    ),
    "notification target: experience submission": (
        lambda p: fresh(ExperienceSubmission, p.submissions),
        lambda user, obj: registry.target_for(ExperienceSubmission).can_view(user, obj),
        lambda user: registry.target_for(ExperienceSubmission).visible(user),
    ),
}


def test_rules_are_found():
    """The discovery above sees the apps' permission modules (a rename would otherwise silently test nothing)."""
    expected = {"forum.REPORT", "forum_moderation.REVIEW", "dilemmas.READ", "experiences.SEE", "accounts.COORDINATE"}
    expected |= {"pool.READ_NETWORK", "pool.READ_PROFILE", "pool.OFFER", "pool.SEE_CONTACTS", "pool.RECORD_HOURS"}
    expected |= {"cases.READ_CASE", "cases.ASSIGN", "cases.READ_EVENT", "cases.REGISTER_CASE", "cases.MANAGE_REGISTER"}
    expected |= {"measurement.READ_DASHBOARD", "measurement.MANAGE_MEASUREMENT", "measurement.HAND_OUT_EVALUATION"}
    assert expected <= set(RULES)


@pytest.mark.parametrize("name", RULES, ids=str)
def test_rule_check_and_filter_agree(population, name):
    rule = RULES[name]
    assert rule.model in OBJECTS, f"the population has no {rule.model.__name__} objects: add them and to OBJECTS"
    found, answers = disagreements(population, OBJECTS[rule.model](population), rule.check, rule.filter)
    assert not found, listing(found)
    assert answers == {True, False}, "the population does not exercise this rule"


@pytest.mark.parametrize("rule", PAIRS, ids=str)
def test_notification_pairs_agree(population, rule):
    objects, object_check, queryset_filter = PAIRS[rule]
    found, answers = disagreements(population, objects(population), object_check, queryset_filter)
    assert not found, listing(found)
    assert answers == {True, False}, "the population does not exercise this rule"


def test_every_notification_target_is_covered():
    """A new notification target gets its pair above (its can_view and its visible queryset)."""
    covered = {
        ReviewItem,
        Report,
        Post,
        GroupMembership,
        apps.get_model("pool", "MediatorRequest"),
        apps.get_model("pool", "Offer"),
        apps.get_model("pool", "NetworkMembership"),
        apps.get_model("cases", "Case"),
        PlatformSuspension,
        ExperienceSubmission,
    }
    assert {target.model for target in registry.registered()} <= covered


# --- search: what the index lets a person find == what the source lets them read --------------------------------


def searchable_ids(user) -> set[int]:
    permission, params = permission_sql(audience_for(user))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT d.id FROM {SearchDocument._meta.db_table} d WHERE {permission}", params)  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


def test_search_finds_a_forum_document_exactly_when_its_thread_or_post_is_readable(population):
    documents = {}
    for obj in (*population.threads, *population.posts):
        content_type_id, pk = source_of(obj)
        document = SearchDocument.objects.filter(source_type_id=content_type_id, source_id=pk).first()
        if document is not None:
            documents[document.pk] = type(obj)._default_manager.get(pk=obj.pk)
    assert documents, "the population's published threads and replies are indexed"
    found = []
    for name, user in population.people():
        findable = searchable_ids(user)
        for document_id, source in documents.items():
            check = forum_permissions.can_see_thread if isinstance(source, Thread) else forum_permissions.can_see_post
            readable = check(user, source)
            if readable != (document_id in findable):
                found.append((name, str(source), "readable, not findable" if readable else "findable, not readable"))
    assert not found, listing(found)


def fresh_get(client, user, url):
    """GET `url` as `user`, in a session of its own."""
    client.logout()
    if user.is_authenticated:
        client.force_login(user)
    return client.get(url)


def served(client, user, url) -> bool:
    return fresh_get(client, user, url).status_code == 200


def served_page(client, user, url) -> str | None:
    """The page as `user` is served it (in a session of its own), or None when it is not served: one request
    where asking `served` and then fetching the page took two."""
    response = fresh_get(client, user, url)
    return response.content.decode() if response.status_code == 200 else None


def test_search_finds_a_page_exactly_when_the_page_is_served(population, client):
    """Members-only pages: serving applies the same rule as search (members only), for every kind of account."""
    found = []
    for page in population.pages.values():
        content_type_id, pk = source_of(page)
        document = SearchDocument.objects.get(source_type_id=content_type_id, source_id=pk)
        for name, user in population.people():
            findable = document.pk in searchable_ids(user)
            if served(client, user, page.url) != findable:
                found.append((name, page.title, "findable, not served" if findable else "served, not findable"))
    assert not found, listing(found)


PAGE_SURFACES = ("protocols:print", "protocols:history")


@pytest.mark.parametrize("surface", PAGE_SURFACES)
def test_every_surface_of_a_protocol_follows_the_page(population, client, surface):
    """Print view and version history open exactly for those who may read the protocol itself."""
    found = []
    for title in ("public protocol", "members-only protocol"):
        page = population.pages[title]
        with translation.override("nl"):
            url = reverse(surface, kwargs={"page_id": page.pk})
        for name, user in population.people():
            page_served, surface_served = served(client, user, page.url), served(client, user, url)
            if page_served != surface_served:
                found.append((name, title, "page only" if page_served else f"{surface} only"))
    assert not found, listing(found)


def test_a_report_link_shows_exactly_where_the_report_page_opens(population, client):
    """The thread page offers "Report" for a post exactly when the report form would accept that person and post
    (a link for a logged-in non-member would lead to a 404)."""
    threads = [t for t in population.threads if t.status == "published" and t.group.join_policy == "open"]
    found = []
    for name, user in population.people():
        for thread in threads:
            with translation.override("nl"):
                thread_url = reverse("forum:thread", kwargs={"pk": thread.pk})
            page = served_page(client, user, thread_url) or ""
            for pk in map(int, re.findall(r'id="post-(\d+)"', page)):
                with translation.override("nl"):
                    report_url = reverse("forum_moderation:report", kwargs={"pk": pk})
                linked = f'href="{report_url}"' in page
                if linked != (client.get(report_url).status_code == 200):
                    found.append((name, f"post {pk}", "linked, report refused" if linked else "not linked, accepted"))
    assert not found, listing(found)


def test_a_members_link_shows_exactly_where_the_member_list_opens(population, client):
    """A group page links to its member list exactly when the list opens for that person (logged-in non-members
    used to get the link and then a 404)."""
    found = []
    for name, user in population.people():
        for group in population.groups:
            with translation.override("nl"):
                group_url = reverse("forum:group", kwargs={"slug": group.slug})
                members_url = reverse("forum:group_members", kwargs={"slug": group.slug})
            page = served_page(client, user, group_url)
            if page is None:
                continue
            linked = f'href="{members_url}"' in page
            if linked != (client.get(members_url).status_code == 200):
                found.append((name, group.name, "linked, list refused" if linked else "not linked, list opens"))
    assert not found, listing(found)


def test_the_profile_links_to_what_a_membership_opens(population, client):
    """For each of a person's memberships the profile links the organisation's trajectory and member list exactly
    when they open (a membership of an organisation that is not verified opens neither)."""
    with translation.override("nl"):
        profile_url = reverse("accounts:profile")
    found = []
    for name, user in population.people():
        if not user.is_authenticated:
            continue
        page = served_page(client, user, profile_url) or ""
        for membership in Membership.objects.filter(user=user).select_related("organisation"):
            slug = membership.organisation.slug
            with translation.override("nl"):
                urls = (
                    reverse("training:trajectory", kwargs={"slug": slug}),
                    reverse("accounts:organisation_members", kwargs={"slug": slug}),
                )
            for url in urls:
                linked = f'href="{url}"' in page
                if linked != (client.get(url).status_code == 200):
                    found.append((name, url, "linked, refused" if linked else "not linked, opens"))
    assert not found, listing(found)
