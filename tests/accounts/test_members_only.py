"""Members-only content is read by members only, on every surface of a page.

Wagtail's "logged-in users" restriction lets in anyone with an account; the platform's rule (accounts.access) lets
in only people with an active membership of a verified organisation. Everybody else who is logged in gets a 403
page that explains why; a visitor is asked to log in. The canary must never reach them.
"""

import itertools

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from accounts import access
from accounts.models import Membership
from forum.models import ForumGroup, Thread
from knowledge.models import ContentPage, HomePage
from protocols import services as protocol_services
from protocols.models import ProtocolIndexPage, ProtocolPage
from tests import factories

pytestmark = pytest.mark.django_db

CANARY = "ledencanarie-5190"
_numbers = itertools.count(1)


@pytest.fixture
def readers(make_user, make_organisation):
    almere = factories.OrganisationFactory(name="Gemeente Almere")
    unverified_org = make_organisation("nog-niet-geverifieerd", is_verified=False)
    unverified = make_user("unverified@almere.example")
    unverified.email_verified_at = None
    unverified.save()
    return {
        "member": make_user("member@almere.example", organisation=almere),
        "pending": make_user("pending@mail.example", organisation=almere, status=Membership.Status.PENDING),
        "unverified": unverified,
        "removed": make_user("removed@almere.example", organisation=almere, status=Membership.Status.REMOVED),
        "unverified_organisation": make_user("x@nog.example", organisation=unverified_org),
        "no_organisation": make_user("someone@mail.example"),
    }


NON_MEMBERS = ["pending", "unverified", "removed", "unverified_organisation", "no_organisation"]


def _restrict(page, kind=PageViewRestriction.LOGIN):
    PageViewRestriction.objects.create(page=page, restriction_type=kind, password="secret-password")


@pytest.fixture
def members_page(db):
    home = HomePage.objects.get(locale__language_code="nl")
    page = ContentPage(
        title=f"Ledenpagina {CANARY}",
        slug=f"ledenpagina-{next(_numbers)}",
        summary=CANARY,
        body=[{"type": "paragraph", "value": f"<p>Alleen voor leden: {CANARY}</p>"}],
    )
    home.add_child(instance=page)
    _restrict(page)
    page.save_revision().publish()
    return ContentPage.objects.get(pk=page.pk)


@pytest.fixture
def members_protocol(db):
    index = ProtocolIndexPage.objects.get(locale__language_code="nl")
    page = ProtocolPage(
        title=f"Ledenprotocol {CANARY}",
        slug=f"ledenprotocol-{next(_numbers)}",
        summary=CANARY,
        conflict_setting="objection",
        change_note="Eerste versie.",
        steps=[
            {
                "type": "step",
                "value": {
                    "title": f"Stap {CANARY}",
                    "responsible_role": "Behandelaar",
                    "actions": f"<p>{CANARY}</p>",
                    "checklist": [f"Punt {CANARY}"],
                    "typical_duration": "",
                    "documents": [],
                },
            }
        ],
        live=False,
    )
    index.add_child(instance=page)
    _restrict(page)
    page.save_revision().publish()
    page = ProtocolPage.objects.get(pk=page.pk)
    page.save_revision().publish()  # a second version, so there is something to compare
    return ProtocolPage.objects.get(pk=page.pk)


def protocol_surfaces(page):
    versions = list(protocol_services.published_versions(page))
    compare = f"?from={versions[-1].revision_id}&to={versions[0].revision_id}"
    return [
        page.url,
        reverse("protocols:print", args=[page.pk]),
        reverse("protocols:history", args=[page.pk]),
        reverse("protocols:compare", args=[page.pk]) + compare,
        reverse("forum:discuss_page", args=[page.pk]),
    ]


def test_a_member_reads_the_page(client, readers, members_page):
    client.force_login(readers["member"])
    response = client.get(members_page.url)
    assert response.status_code == 200
    assert CANARY in response.content.decode()


def test_a_visitor_is_asked_to_log_in_at_the_platform_login(client, members_page):
    response = client.get(members_page.url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login") + "?next=")


@pytest.mark.parametrize(
    ("who", "reason"),
    [
        ("pending", "pending"),
        ("unverified", "unverified"),
        ("removed", "ended"),
        ("unverified_organisation", "organisation_unverified"),
        ("no_organisation", "none"),
    ],
)
def test_a_logged_in_non_member_gets_a_403_that_says_why(client, readers, members_page, who, reason):
    client.force_login(readers[who])
    response = client.get(members_page.url)
    html = response.content.decode()
    assert response.status_code == 403
    assert CANARY not in html
    assert f'data-reason="{reason}"' in html
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("reason", "text"),
    [
        ("pending", "has not confirmed it yet"),
        ("unverified", "has not been confirmed yet"),
        ("ended", "Your membership has ended"),
        ("organisation_unverified", "your organisation has not been verified"),
        ("none", "not linked to an active membership"),
    ],
)
def test_the_403_page_explains_each_reason(rf, readers, reason, text, monkeypatch):
    monkeypatch.setattr(access, "membership_problem", lambda user: reason)
    request = rf.get("/")
    request.user = readers["pending"]
    with translation.override("en"):
        html = access.membership_required_response(request).content.decode()
    assert "For members only" in html
    assert text in html


def test_every_surface_of_a_members_only_protocol_is_for_members(client, readers, members_protocol):
    urls = protocol_surfaces(members_protocol)
    client.force_login(readers["member"])
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert CANARY in response.content.decode(), url
    for who in NON_MEMBERS:
        client.force_login(readers[who])
        for url in urls:
            response = client.get(url)
            assert response.status_code == 403, (who, url)
            assert CANARY not in response.content.decode(), (who, url)
    client.logout()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("accounts:login")), url


def test_a_checklist_of_a_members_only_protocol_is_for_members(client, readers, members_protocol):
    start = reverse("protocols:checklist_start", args=[members_protocol.pk])
    client.force_login(readers["pending"])
    assert client.post(start).status_code == 403
    client.force_login(readers["member"])
    run_url = client.post(start).url
    assert CANARY in client.get(run_url).content.decode()
    # Once the membership ends, the checklist kept about the protocol is closed too.
    Membership.objects.filter(user=readers["member"]).update(status=Membership.Status.REMOVED)
    client.force_login(readers["member"])
    response = client.get(run_url)
    assert response.status_code == 403
    assert CANARY not in response.content.decode()


def test_a_forum_thread_names_its_related_page_only_to_who_may_read_it(client, readers, members_page):
    group = ForumGroup.objects.create(slug="open-groep", name="Open groep", visibility=ForumGroup.Visibility.PUBLIC)
    thread = Thread.objects.create(group=group, title="Over een ledenpagina", related_page=members_page)
    url = reverse("forum:thread", kwargs={"pk": thread.pk})
    assert CANARY not in client.get(url).content.decode()
    client.force_login(readers["pending"])
    assert CANARY not in client.get(url).content.decode()
    client.force_login(readers["member"])
    assert CANARY in client.get(url).content.decode()


def test_unpublished_pages_are_named_to_nobody_on_a_thread(client, readers, members_page):
    group = ForumGroup.objects.create(slug="open-groep", name="Open groep", visibility=ForumGroup.Visibility.PUBLIC)
    thread = Thread.objects.create(group=group, title="Over een pagina", related_page=members_page)
    members_page.unpublish()
    client.force_login(readers["member"])
    assert CANARY not in client.get(reverse("forum:thread", kwargs={"pk": thread.pk})).content.decode()


def test_starting_a_thread_from_a_members_only_page_does_not_show_it_to_a_non_member(client, readers, members_page):
    group = ForumGroup.objects.create(slug="open-groep", name="Open groep", visibility=ForumGroup.Visibility.PUBLIC)
    client.force_login(readers["pending"])
    response = client.get(reverse("forum:new_thread", kwargs={"slug": group.slug}) + f"?page={members_page.pk}")
    assert CANARY not in response.content.decode()


def test_the_suitability_aid_links_members_only_protocols_for_members_only(readers, members_protocol):
    from django.contrib.auth.models import AnonymousUser

    ids = [members_protocol.pk]
    assert protocol_services.protocols_in_language(ids, "nl", readers["member"]) == [members_protocol]
    assert protocol_services.protocols_in_language(ids, "nl", readers["pending"]) == []
    assert protocol_services.protocols_in_language(ids, "nl", AnonymousUser()) == []


def test_a_training_module_lists_a_members_only_related_page_for_members_only(client, readers, members_page):
    from knowledge.training.models import TrainingModuleRelatedPage

    module = factories.training_module()
    TrainingModuleRelatedPage.objects.create(page=module, related_page=members_page)
    assert CANARY not in client.get(module.url).content.decode()
    client.force_login(readers["pending"])
    assert CANARY not in client.get(module.url).content.decode()
    client.force_login(readers["member"])
    assert CANARY in client.get(module.url).content.decode()


def test_a_password_protected_page_still_opens_with_its_password(client, readers):
    home = HomePage.objects.get(locale__language_code="nl")
    page = ContentPage(title="Met wachtwoord", slug="met-wachtwoord", summary="x", body=[])
    home.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-password"
    )
    restriction = PageViewRestriction.objects.get(page=page)
    form = client.get(page.url)
    assert form.status_code == 200
    assert 'name="password"' in form.content.decode()
    response = client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
        {"password": "secret-password", "return_url": page.url},
    )
    assert response.status_code == 302
    page_response = client.get(page.url)
    assert page_response.status_code == 200
    assert "Met wachtwoord" in page_response.content.decode()


def test_the_object_check_and_the_queryset_agree(readers, members_page, members_protocol):
    """On a generated population of pages (each kind of restriction, nested, unpublished) and every reader."""
    from django.contrib.auth.models import AnonymousUser, Group

    home = HomePage.objects.get(locale__language_code="nl")
    editors = Group.objects.get(name="Editors")
    kinds = [None, PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS]
    for outer, inner, live in itertools.product(kinds, kinds, [True, False]):
        parent = ContentPage(title="p", slug=f"ouder-{next(_numbers)}", summary="x", body=[])
        home.add_child(instance=parent)
        parent.save_revision().publish()
        child = ContentPage(title="c", slug=f"kind-{next(_numbers)}", summary="x", body=[], live=False)
        parent.add_child(instance=child)
        if live:
            child.save_revision().publish()
        for page, kind in ((parent, outer), (child, inner)):
            if kind is not None:
                restriction = PageViewRestriction.objects.create(
                    page=page, restriction_type=kind, password="secret-password"
                )
                if kind == PageViewRestriction.GROUPS:
                    restriction.groups.add(editors)
    editor = readers["no_organisation"]
    editor.groups.add(editors)
    people = [AnonymousUser(), *readers.values()]
    for person in people:
        person.__dict__.pop("_group_ids", None)
        readable = set(access.readable_pages(person).values_list("pk", flat=True))
        for page in Page.objects.all():
            assert access.may_read_page(person, page) == (page.pk in readable), (person, page.pk)
    assert members_page.pk in set(access.readable_pages(readers["member"]).values_list("pk", flat=True))


def test_an_experience_names_a_members_only_related_protocol_to_members_only(client, readers, members_protocol):
    from knowledge.experiences.models import ExperienceRelatedProtocol

    experience = factories.experience_page("Ervaring met een ledenprotocol")
    ExperienceRelatedProtocol.objects.create(page=experience, protocol=members_protocol)
    assert CANARY not in client.get(experience.url).content.decode()
    client.force_login(readers["pending"])
    assert CANARY not in client.get(experience.url).content.decode()
    client.force_login(readers["member"])
    assert CANARY in client.get(experience.url).content.decode()
