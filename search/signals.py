"""Wagtail and Django signals → `indexing.schedule_sources` (which waits for the commit, then runs a task)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search import indexing, registry


def _registered(sources):
    return [source for source in sources if registry.for_content_type_id(source[0]) is not None]


def _subtree(page_id: int):
    """The page and everything under it: a move, a new slug or a view restriction changes all their documents."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    return _registered(Page.objects.descendant_of(page, inclusive=True).values_list("content_type_id", "pk"))


def page_changed(sender, instance, **kwargs):
    indexing.schedule_sources(_registered([indexing.source_of(instance)]))


def page_subtree_changed(sender, instance, **kwargs):
    indexing.schedule_sources(_subtree(instance.pk))


def restriction_changed(sender, instance, **kwargs):
    indexing.schedule_sources(_subtree(instance.page_id))


def object_deleted(sender, instance, **kwargs):
    indexing.schedule_sources(_registered([indexing.source_of(instance)]))


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="search.page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search.page_unpublished")
    post_page_move.connect(page_subtree_changed, dispatch_uid="search.page_moved")
    page_slug_changed.connect(page_subtree_changed, dispatch_uid="search.page_slug_changed")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_saved")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted")
    # Deleting a page deletes its descendants too; every one of them passes here as a Page.
    post_delete.connect(object_deleted, sender=Page, dispatch_uid="search.page_deleted")
    for searchable in registry.all_searchables():
        if not searchable.is_page:
            post_delete.connect(
                object_deleted, sender=searchable.model, dispatch_uid=f"search.deleted.{searchable.model._meta.label}"
            )
