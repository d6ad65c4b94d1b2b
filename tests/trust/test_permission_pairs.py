"""Each permission rule is written twice: as a check on one object and as a filter on a queryset. They must agree.

For every person in the generated population and every object in it: object_check(user, obj) is true exactly when
obj is in filtered_queryset(user). A disagreement means one code path shows what another hides (a "Report" link
that answers 404, a search hit for a thread that does not open, a list that omits what the page serves).
"""

import re

import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation

from forum import notifications, services
from forum.models import ForumGroup, Post, Thread
from forum.moderation.models import ReviewItem
from knowledge.dilemmas.models import Worksheet
from knowledge.experiences.models import ExperienceSubmission
from knowledge.training.models import TrainingSession
from notifications import registry
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


PAIRS = {
    "forum group: visible": (
        lambda p: fresh(ForumGroup, p.groups),
        lambda user, group: group.is_visible_to(user),
        lambda user: ForumGroup.objects.visible_to(user),
    ),
    "forum group: readable": (
        lambda p: fresh(ForumGroup, p.groups),
        lambda user, group: group.is_readable_by(user),
        lambda user: ForumGroup.objects.readable_by(user),
    ),
    "forum group: moderated": (
        lambda p: fresh(ForumGroup, p.groups),
        lambda user, group: group.is_moderated_by(user),
        lambda user: ForumGroup.objects.moderated_by(user),
    ),
    "forum group: can moderate (services)": (
        lambda p: fresh(ForumGroup, p.groups),
        lambda user, group: services.can_moderate(group, user),
        lambda user: ForumGroup.objects.moderated_by(user),
    ),
    "forum thread: visible": (
        lambda p: fresh(Thread, p.threads, "group"),
        lambda user, thread: thread.is_visible_to(user),
        lambda user: Thread.objects.visible_to(user),
    ),
    "forum post: visible": (
        lambda p: fresh(Post, p.posts, "thread__group"),
        lambda user, post: post.is_visible_to(user),
        lambda user: Post.objects.visible_to(user),
    ),
    "forum post: may report": (
        lambda p: fresh(Post, p.posts, "thread__group"),
        lambda user, post: services.can_report(post, user),
        services.reportable_posts,
    ),
    "worksheet: readable": (
        lambda p: fresh(Worksheet, p.worksheets),
        lambda user, worksheet: worksheet.is_readable_by(user),
        lambda user: Worksheet.objects.readable_by(user),
    ),
    "worksheet: editable": (
        lambda p: fresh(Worksheet, p.worksheets),
        lambda user, worksheet: worksheet.is_editable_by(user),
        lambda user: Worksheet.objects.editable_by(user),
    ),
    "experience submission: visible": (
        lambda p: fresh(ExperienceSubmission, p.submissions),
        lambda user, submission: submission.is_visible_to(user),
        lambda user: ExperienceSubmission.objects.visible_to(user),
    ),
    "training session: participants visible": (
        lambda p: fresh(TrainingSession, p.sessions),
        lambda user, session: session.is_manageable_by(user),
        lambda user: TrainingSession.objects.manageable_by(user),
    ),
    "review item: notification target": (
        lambda p: fresh(ReviewItem, p.review_items, "post__thread__group"),
        lambda user, item: registry.target_for(ReviewItem).can_view(user, item),
        lambda user: registry.target_for(ReviewItem).visible(user),
    ),
    "forum post: notification target": (
        lambda p: fresh(Post, p.posts, "thread__group"),
        notifications.post_can_view,
        notifications.post_visible,
    ),
    "group membership: notification target": (
        lambda p: p.memberships,
        notifications.membership_can_view,
        notifications.membership_visible,
    ),
}


@pytest.mark.parametrize("rule", PAIRS, ids=str)
def test_object_check_and_queryset_filter_agree(population, rule):
    objects, object_check, queryset_filter = PAIRS[rule]
    found, answers = disagreements(population, objects(population), object_check, queryset_filter)
    assert not found, listing(found)
    assert answers == {True, False}, "the population does not exercise this rule"


def test_every_notification_target_is_covered():
    """A new notification target gets its pair above (its can_view and its visible queryset)."""
    covered = {ReviewItem, Post, notifications.GroupMembership}
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
            readable = source.is_visible_to(user)
            if readable != (document_id in findable):
                found.append((name, str(source), "readable, not findable" if readable else "findable, not readable"))
    assert not found, listing(found)


def served(client, user, url) -> bool:
    client.logout()
    if user.is_authenticated:
        client.force_login(user)
    return client.get(url).status_code == 200


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
            page = client.get(thread_url).content.decode() if served(client, user, thread_url) else ""
            for pk in map(int, re.findall(r'id="post-(\d+)"', page)):
                with translation.override("nl"):
                    report_url = reverse("forum_moderation:report", kwargs={"pk": pk})
                linked = f'href="{report_url}"' in page
                if linked != (client.get(report_url).status_code == 200):
                    found.append((name, f"post {pk}", "linked, report refused" if linked else "not linked, accepted"))
    assert not found, listing(found)
