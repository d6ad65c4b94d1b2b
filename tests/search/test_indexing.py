"""Indexing follows the page life cycle: after the commit, through a task, and only what is live and readable."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import PageViewRestriction

from knowledge.models import ContentPage, HomePage
from search import indexing
from search.models import SearchDocument, Visibility
from tests.factories import paragraph
from tests.helpers import queued_tasks, run_queued_tasks


def document_of(page):
    return SearchDocument.objects.filter(source_type_id=page.content_type_id, source_id=page.pk).first()


def found(client, text):
    return client.get("/nl/search/", {"q": text}).content.decode()


def test_publishing_indexes_the_page_after_the_commit(publish):
    page = publish("Publicatietest", "Het woord parkeervergunning staat hier.", tags=["parkeren"])
    document = document_of(page)
    assert document.visibility == Visibility.PUBLIC
    assert document.url == page.get_url() and document.language == "nl"
    assert document.tags == [["parkeren", "parkeren"]]
    assert "parkeervergunning" in document.body


def test_indexing_is_queued_with_the_change_and_done_by_the_task(publish, database_queue):
    page = publish("Wachttest", "eerste versie")
    run_queued_tasks()
    page.title = "Wachttest nieuw"
    page.save_revision().publish()
    assert document_of(page).title == "Wachttest"  # the task has not run yet
    assert queued_tasks("sync_documents").filter(status="READY").count() == 1
    run_queued_tasks()
    assert document_of(page).title == "Wachttest nieuw"


def test_a_rolled_back_change_queues_no_indexing(publish, database_queue):
    page = publish("Terugdraaitest", "eerste versie")
    run_queued_tasks()
    page.title = "Terugdraaitest nieuw"
    with pytest.raises(RuntimeError), transaction.atomic():
        page.save_revision().publish()
        raise RuntimeError("the publication fails")
    assert not queued_tasks("sync_documents").filter(status="READY").exists()
    assert document_of(page).title == "Terugdraaitest"


def test_a_tag_added_while_editing_a_published_page_is_found_after_publishing(
    publish, client, django_capture_on_commit_callbacks
):
    """The Wagtail pitfall: tags are ParentalKey rows written by modelcluster at publish time."""
    page = publish("Tag bij bewerken", "Een pagina die later een tag krijgt.", tags=["bestaand"])
    editing = ContentPage.objects.get(pk=page.pk)
    editing.tags.add("nieuwetagbijbewerken")
    with django_capture_on_commit_callbacks(execute=True):
        editing.save_revision().publish()
    assert client.get("/nl/search/", {"tag": "nieuwetagbijbewerken"}).context["results"].total == 1
    assert "Tag bij bewerken" in found(client, "nieuwetagbijbewerken")
    assert client.get("/nl/tags/nieuwetagbijbewerken/").status_code == 200


def test_a_saved_draft_of_a_live_page_stays_out_of_the_index_until_published(publish, client):
    page = publish("Conceptwijziging", "De gepubliceerde tekst.")
    editing = ContentPage.objects.get(pk=page.pk)
    editing.body = paragraph("Nog niet gepubliceerd: conceptwoordkanarie.")
    editing.save_revision()
    indexing.sync([indexing.source_of(page)])  # even a reindex of the page reads the live version
    assert "conceptwoordkanarie" not in document_of(page).body
    assert "Conceptwijziging" not in found(client, "conceptwoordkanarie")


def test_unpublishing_removes_the_document(publish, django_capture_on_commit_callbacks):
    page = publish("Intrektest", "tekst")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert document_of(page) is None


def test_deleting_a_page_removes_it_and_its_descendants(publish, django_capture_on_commit_callbacks):
    parent = publish("Ouderpagina verwijderen", "tekst")
    child = publish("Kindpagina verwijderen", "tekst", parent=parent)
    source = (child.content_type_id, child.pk)
    with django_capture_on_commit_callbacks(execute=True):
        ContentPage.objects.get(pk=parent.pk).delete()
    assert not SearchDocument.objects.filter(source_type_id=source[0], source_id__in=[parent.pk, child.pk]).exists()


def test_moving_a_page_updates_the_urls_of_the_page_and_its_children(publish, django_capture_on_commit_callbacks):
    section = publish("Nieuwe sectie", "tekst")
    moved = publish("Verhuisde pagina", "tekst")
    child = publish("Kind van verhuisde pagina", "tekst", parent=moved)
    with django_capture_on_commit_callbacks(execute=True):
        ContentPage.objects.get(pk=moved.pk).move(section, pos="last-child")
    assert document_of(moved).url == f"{section.url}{moved.slug}/"
    assert document_of(child).url == f"{section.url}{moved.slug}/{child.slug}/"


def test_login_restricted_pages_are_members_only_and_other_restrictions_are_not_indexed(publish):
    members = publish("Ledenpagina", "tekst", restriction=PageViewRestriction.LOGIN)
    password = publish("Wachtwoordpagina", "tekst", restriction=PageViewRestriction.PASSWORD)
    under_password = publish("Onder wachtwoordpagina", "tekst", parent=password)
    assert document_of(members).visibility == Visibility.MEMBERS
    assert document_of(password) is None and document_of(under_password) is None


def test_adding_a_view_restriction_later_reindexes_the_subtree(publish, django_capture_on_commit_callbacks):
    parent = publish("Later beperkt", "tekst")
    child = publish("Kind van later beperkt", "tekst", parent=parent)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.LOGIN)
    assert document_of(child).visibility == Visibility.MEMBERS


def test_reindex_rebuilds_missing_and_removes_stale_documents(publish):
    page = publish("Herindexeertest", "tekst")
    SearchDocument.objects.filter(pk=document_of(page).pk).delete()
    ContentPage.objects.filter(pk=page.pk).update(live=False)  # behind the signals' back
    other = publish("Herindexeertest twee", "tekst")
    SearchDocument.objects.filter(pk=document_of(other).pk).delete()
    out = io.StringIO()
    call_command("search_reindex", "--no-progress", stdout=out, stderr=io.StringIO())
    assert document_of(other) is not None and document_of(page) is None
    expected = ContentPage.objects.live().count() + HomePage.objects.live().count()
    assert f"page: {expected}" in out.getvalue()


@pytest.mark.usefixtures("demo")  # compares the whole demo content with its index
def test_status_compares_content_with_the_index_and_fails_when_they_differ(publish):
    page = publish("Statustest", "tekst")
    out = io.StringIO()
    call_command("search_status", stdout=out)
    assert "The index matches the content." in out.getvalue()
    SearchDocument.objects.filter(pk=document_of(page).pk).delete()
    out = io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("search_status", stdout=out)
    assert failure.value.returncode == 1
    pages = ContentPage.objects.live().count() + HomePage.objects.live().count()
    rows = {line.split()[0]: line.split()[1:] for line in out.getvalue().splitlines()[1:]}
    assert rows["page"] == [str(pages), str(pages - 1)]
