"""No request gets a server error, whatever it sends and whoever sends it.

Every URL pattern of the project (the language-prefixed ones in Dutch, Danish and English) is requested as each
role, with odd values in its path parameters and query string, and every POST form the page shows is sent back
with odd values in its fields (some left out, some sent twice), plus fields no form shows. Values that exist in the
demo content are mixed in, so the requests get past the lookups into the code behind them. Each request runs in a
savepoint that is rolled back, so what one request changes (a deleted account, a left group) does not decide what
the next one finds, and the run is the same every time (derandomize). Forms that need a particular object (an own
worksheet, a moderated group, a member to act on) get a round of their own on fixed pages (form_pages).

FUZZ_LOG=/some/file appends every request and its status to that file, to see how the requests spread.
"""

import os
import traceback
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.urls import resolve
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from taggit.models import Tag
from wagtail.models import Page

from accounts import roles
from accounts.models import Membership, Organisation, User
from forum.models import ForumGroup, GroupMembership
from forum.moderation.actions import ACTIONS as FORUM_ACTIONS
from knowledge.experiences.actions import ACTIONS as EXPERIENCE_ACTIONS
from tests.project import fuzzing

pytestmark = pytest.mark.django_db

# The forms the form pages (see form_pages) must reach with data, so a changed page cannot quietly skip them.
FORMS_ON_FORM_PAGES = {
    "knowledge.dilemmas.forms.InventoryForm",
    "knowledge.dilemmas.forms.StakeholderForm",
    "knowledge.dilemmas.forms.OptionForm",
    "knowledge.dilemmas.forms.WeighingForm",
    "knowledge.dilemmas.forms.InviteForm",
    "forum.forms.ThreadForm",
    "forum.forms.InviteForm",
    "forum.moderation.forms.ReasonForm",
    "forum.moderation.forms.SuspendForm",
    "accounts.forms.MembershipDecisionForm",
    "knowledge.training.forms.TrajectoryStepForm",
    "knowledge.training.queries.CatalogueFilterForm",
    "knowledge.experiences.queries.FilterForm",
    "protocols.queries.ProtocolFilterForm",
}

ROLES = ("visitor", "unverified", "pending", "member", "group_moderator", "site_moderator", "editor", "superuser")
STAFF = ("editor", "superuser")
# One round per role: in round r the i-th pattern is requested as ROLES[(i + r) % 8], so after eight rounds every
# pattern has been requested as every role, each time with other values. The first round sends the simplest values
# (hypothesis starts with them): existing ids and slugs, no query string.
EXAMPLES = len(ROLES)
PAGE_DRAWS = 3  # pages of the page tree per round (they all share Wagtail's one catch-all pattern)
ADMIN_SAMPLE = 12  # CMS patterns per round, as an editor or a superuser (others are only sent to the login)
SKIPPED_FORMS = ("/accounts/logout/",)  # in every page's header; logging out says nothing about the page
# Server errors of Wagtail's own admin views, not of anything of ours (view lookup -> exception it raises).
# Wagtail's admin has bugs of its own under odd input (a StreamField form posted without its "-count" field, the
# external-link chooser posted without a URL, a page copy to a parent that does not exist, choosers that cast
# "<str:pk>" to int, its deliberate error-test page...). They are not ours to fix, so a server error under /cms/
# counts only when code of this project ran between Django's call of the view and the exception (our hooks, page
# models, forms, panels): see `raised_in_wagtail_alone`.
PROJECT = Path(__file__).resolve().parents[2]
# Which rows a view's id parameters name, so the values drawn for them exist (others: small numbers, odd values).
VIEW_IDS = {
    "knowledge.dilemmas.views": {"pk": "dilemmas.Worksheet", "invitation_id": "dilemmas.Invitation"},
    "forum.thread_views.thread_detail": {"pk": "forum.Thread"},
    "forum.thread_views.reply": {"pk": "forum.Thread"},
    "forum.thread_views.toggle_watch": {"pk": "forum.Thread"},
    "forum.thread_views": {"pk": "forum.Post"},
    "forum.views": {"pk": "forum.GroupMembership"},
    "forum.moderation.views.item_detail": {"pk": "forum_moderation.ReviewItem"},
    "forum.moderation.views.act": {"pk": "forum_moderation.ReviewItem"},
    "forum.moderation.views": {"pk": "forum.Post"},
    "knowledge.training.views.enrolment_detail": {"pk": "training.Enrolment"},
    "knowledge.training.views.cancel_enrolment": {"pk": "training.Enrolment"},
    "knowledge.training.views": {"pk": "training.TrainingSession"},
    "knowledge.experiences.views": {"pk": "experiences.ExperienceSubmission"},
    "notifications.views": {"pk": "notifications.Notification"},
    "protocols.views.saved_result": {"pk": "protocols.SavedSuitabilityResult"},
    "protocols.views": {"run_id": "protocols.ChecklistRun"},
}


@pytest.fixture
def people(demo, make_user):
    """The roles, as the demo content has them: its pages, groups and worksheets are the values the requests find."""
    almere = Organisation.objects.get(slug="almere")
    pending = make_user("wachtend@almere.example", organisation=almere, status=Membership.Status.PENDING)
    unverified = make_user("onbevestigd@almere.example", organisation=almere)
    unverified.email_verified_at = None
    unverified.save()
    group_moderator = (
        GroupMembership.objects.filter(role=GroupMembership.Role.MODERATOR, status=GroupMembership.Status.ACTIVE)
        .exclude(user__groups__name=roles.MODERATORS)
        .order_by("pk")
        .first()
        .user
    )
    return {
        "visitor": None,
        "unverified": unverified,
        "pending": pending,
        "member": User.objects.get(email="lid@almere.example"),
        "group_moderator": group_moderator,
        "site_moderator": Group.objects.get(name=roles.MODERATORS).user_set.order_by("pk").first(),
        "editor": User.objects.get(email="redacteur@almere.example"),
        "superuser": User.objects.filter(is_superuser=True).order_by("pk").first(),
        "coordinator": User.objects.get(email="coordinator@amersfoort.example"),  # for the form pages only
    }


def known_values() -> fuzzing.Known:
    pages = Page.objects.live().filter(depth__gt=2).order_by("path")
    page_paths = []
    for page in pages[:200]:
        parts = page.url_path.strip("/").split("/")[1:]  # without the language root's slug
        page_paths.append("/".join(parts) + "/" if parts else "")
    slugs = sorted(
        {*ForumGroup.objects.values_list("slug", flat=True), *Organisation.objects.values_list("slug", flat=True)}
    )
    tags = list(Tag.objects.order_by("pk").values_list("slug", flat=True)[:20])
    page_ids = [str(pk) for pk in pages.values_list("pk", flat=True)[:60]]
    return fuzzing.Known(
        ids=[str(n) for n in range(1, 41)],
        slugs=[*slugs, *tags],
        page_paths=page_paths,
        by_name={
            "page_id": page_ids,
            "plan_id": page_ids,
            "number": ["1", "2", "3", "4"],
            "kind": ["item", "post", "revision", "thread", "member"],
            "action_id": sorted(FORUM_ACTIONS),
            "action": sorted(EXPERIENCE_ACTIONS),
            "slug": [*slugs, *tags],
        },
        by_view={lookup: view_ids(lookup) for lookup in {route.lookup for route in fuzzing.routes()}},
    )


def form_pages(people) -> list[tuple[str, str]]:
    """(role, path) of the pages that hold the forms a role needs a particular object for (their own worksheet,
    a group they moderate, a member to act on), which drawn values reach only by luck."""
    from knowledge.dilemmas.models import Worksheet
    from knowledge.experiences.models import ExperienceIndexPage
    from knowledge.training.models import TrainingIndexPage
    from protocols.models import ChecklistRun, ProtocolIndexPage

    member, moderator = people["member"], people["group_moderator"]
    worksheet = Worksheet.objects.filter(owner=member).order_by("pk").first()
    moderated = ForumGroup.objects.filter(
        memberships__user=moderator, memberships__role=GroupMembership.Role.MODERATOR
    ).first()
    membership = GroupMembership.objects.filter(group=moderated).exclude(user=moderator).order_by("pk").first()
    thread = moderated.threads.order_by("pk").first()
    joined = ForumGroup.objects.filter(memberships__user=member, memberships__status="active").order_by("pk").first()
    run = ChecklistRun.objects.order_by("pk").first()
    pages = [("member", f"/nl/worksheets/{worksheet.pk}/step/{n}/") for n in (1, 2, 3)]
    pages += [
        ("member", f"/nl/worksheets/{worksheet.pk}/sharing/"),
        ("member", f"/nl/worksheets/{worksheet.pk}/"),
        ("member", f"/nl/forum/groups/{joined.slug}/new/"),
        ("group_moderator", f"/nl/forum/groups/{moderated.slug}/invite/"),
        ("group_moderator", f"/nl/forum/moderation/act/thread/{thread.pk}/move/"),
        ("coordinator", "/nl/accounts/organisations/amersfoort/members/"),
        ("coordinator", "/nl/training/trajectory/amersfoort/edit/"),
    ]
    pages += [("site_moderator", f"/nl/forum/moderation/act/member/{membership.pk}/{action}/") for action in
              ("warn", "suspend", "remove_member")]  # fmt: skip
    if run is not None:
        pages.append(("owner", f"/nl/protocols/{run.page_id}/checklist/{run.pk}/"))
        people["owner"] = run.user
    for model in (TrainingIndexPage, ExperienceIndexPage, ProtocolIndexPage):
        index = model.objects.live().filter(locale__language_code="nl").first()
        pages.append(("visitor", index.url))  # their filter forms read the query string
    return pages


def view_ids(lookup: str) -> dict[str, list[str]]:
    """The existing ids for a view's parameters, from the most specific entry of VIEW_IDS."""
    for prefix in sorted(VIEW_IDS, key=len, reverse=True):
        if lookup == prefix or lookup.startswith(prefix + "."):
            return {
                slot: [str(pk) for pk in apps.get_model(label).objects.order_by("pk").values_list("pk", flat=True)[:40]]
                for slot, label in VIEW_IDS[prefix].items()
            }
    return {}


def plan(routes, round_number):
    """(route, role) for one round: every pattern of ours and a turning sample of the CMS patterns."""
    ours = [r for r in routes if not r.admin and r.lookup != "wagtail.views.serve"]
    ours += [r for r in routes if r.lookup == "wagtail.views.serve"] * PAGE_DRAWS
    planned = [(route, ROLES[(i + round_number) % len(ROLES)]) for i, route in enumerate(ours)]
    admin = [r for r in routes if r.admin]
    step = max(1, len(admin) // (ADMIN_SAMPLE * EXAMPLES))
    sample = admin[round_number * step :: step * EXAMPLES][:ADMIN_SAMPLE]
    planned += [(route, STAFF[i % len(STAFF)]) for i, route in enumerate(sample)]
    planned += [(admin[round_number], ROLES[round_number])]  # and the login redirect for everyone
    return planned


def is_ours(filename: str) -> bool:
    path = Path(filename).resolve()
    return (
        path.is_relative_to(PROJECT)
        and "site-packages" not in path.parts
        and not path.is_relative_to(PROJECT / "tests")
    )


def raised_in_wagtail_alone(error: BaseException) -> bool:
    """No frame of this project's code between the view's entry (Django's _get_response) and the exception."""
    frames = traceback.extract_tb(error.__traceback__)
    entries = [
        i for i, f in enumerate(frames) if f.name == "_get_response" and f.filename.endswith("core/handlers/base.py")
    ]
    return bool(entries) and not any(is_ours(f.filename) for f in frames[entries[-1] + 1 :])


def send(route, user, method, url, body, failures):
    """One request in a savepoint that is rolled back; a server error or an exception is written down."""
    response = None
    try:
        with transaction.atomic():
            client = Client()
            if user is not None:
                client.force_login(user)
            if method == "GET":
                response = client.get(url)
            else:
                response = client.post(url, body, content_type="application/x-www-form-urlencoded")
            content = b"".join(response.streaming_content) if response.streaming else response.content
            transaction.set_rollback(True)
    except Exception as error:  # every exception is a finding, reported with its request
        if route.admin and raised_in_wagtail_alone(error):
            return None, b""
        where = traceback.extract_tb(error.__traceback__)[-1]
        failures.append(f"{method} {url[:300]} {body[:300]!r}: {type(error).__name__}: {str(error)[:300]} ({where})")
        return None, b""
    if os.environ.get("FUZZ_LOG"):  # a path: every request and its status are appended there, to see the spread
        with open(os.environ["FUZZ_LOG"], "a") as log:
            log.write(f"{response.status_code} {method} {url[:150]} {body[:150]!r}\n")
    if response.status_code >= 500:
        failures.append(f"{method} {url[:300]} {body[:300]!r}: status {response.status_code}")
    return response, content


def page_route(path: str) -> fuzzing.Route:
    """A fixed path as a route without parameters (its query string and form are still drawn)."""
    return fuzzing.Route((path.lstrip("/"),), resolve(path)._func_path, i18n=False)


def exercise(route, data, user, known, failures):
    language = data.draw(st.sampled_from(fuzzing.LANGUAGES)) if route.i18n else ""
    values = {p: data.draw(fuzzing.slot_value(route, p, known)) for p in route.parts if isinstance(p, fuzzing.Slot)}
    path = fuzzing.path_of(route, language, values)
    query = fuzzing.encode(data.draw(fuzzing.query_pairs(route, known)))
    response, content = send(route, user, "GET", f"{path}?{query}" if query else path, "", failures)
    if response is None or response.status_code == 404:
        return  # the POST would look up the same missing or unreadable object
    forms = []
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        forms = fuzzing.post_forms(content.decode("utf-8", "replace"), path)
        forms = [form for form in forms if not form.action.endswith(SKIPPED_FORMS)]
    form = data.draw(st.sampled_from(forms)) if forms else None
    body = fuzzing.encode(data.draw(fuzzing.form_body(form)))
    send(route, user, "POST", form.action if form else path, body, failures)


def run_rounds(people, planned_for_round) -> list[str]:
    """EXAMPLES rounds of requests (see exercise), each request as its role; the failures, described."""
    known = known_values()
    failures = []
    rounds = iter(range(EXAMPLES * 10))

    @settings(
        derandomize=True,
        database=None,
        deadline=None,
        max_examples=EXAMPLES,
        phases=[Phase.generate],  # a failure lists its requests; shrinking would replay hundreds of them
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def round_of_requests(data):
        for route, role in planned_for_round(next(rounds)):
            found = []
            exercise(route, data, people[role], known, found)
            failures.extend(f"as {role}: {failure}" for failure in found)

    round_of_requests()
    return failures


def test_no_request_gets_a_server_error(people):
    routes = fuzzing.routes()
    failures = run_rounds(people, lambda round_number: plan(routes, round_number))
    assert not failures, f"{len(failures)} requests failed:\n" + "\n".join(failures)


def test_no_form_post_gets_a_server_error(people, monkeypatch):
    """The forms that need a particular object (an own worksheet, a moderated group, a member to act on), each
    posted with odd values in every round, and every form of ours is filled at least once."""
    filled = set()
    original_init = forms.BaseForm.__init__

    def recording_init(self, data=None, *args, **kwargs):
        if data is not None:
            filled.add(type(self))
        original_init(self, data, *args, **kwargs)

    monkeypatch.setattr(forms.BaseForm, "__init__", recording_init)
    on_pages = [(page_route(path), role) for role, path in form_pages(people)]
    failures = run_rounds(people, lambda round_number: on_pages)
    assert not failures, f"{len(failures)} requests failed:\n" + "\n".join(failures)
    filled_names = {f"{cls.__module__}.{cls.__qualname__}" for cls in filled}
    not_reached = sorted(FORMS_ON_FORM_PAGES - filled_names)
    assert not not_reached, f"forms no request filled: {not_reached}"


def test_every_pattern_is_requested():
    """The walk finds our patterns in every language and Wagtail's page tree; none is silently skipped."""
    routes = fuzzing.routes()
    lookups = {route.lookup for route in routes}
    assert "wagtail.views.serve" in lookups
    assert "search.views.tag" in lookups
    assert "forum.moderation.views.act" in lookups
    ours = [r for r in routes if not r.admin and r.lookup.startswith(("forum.", "knowledge.", "protocols."))]
    assert ours and all(route.i18n for route in ours)
    planned = {route for round_number in range(EXAMPLES) for route, _role in plan(routes, round_number)}
    assert {r for r in routes if not r.admin} <= planned
    assert len([r for r in planned if r.admin]) >= ADMIN_SAMPLE * EXAMPLES
    # The tables name views that exist (a renamed view would silently lose its ids and query names).
    assert set(fuzzing.VIEW_QUERY_NAMES) <= lookups
    assert all(any(lookup.startswith(prefix) for lookup in lookups) for prefix in VIEW_IDS)
