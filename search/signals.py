"""Wagtail and Django signals → `indexing.schedule_sources` (which waits for the commit, then runs a task)."""

from django.db.models.signals import post_delete, post_save, pre_save
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


def watch_fields(model, fields, affected) -> None:
    """See `search.registry.reindex_on_change`: the old values are read before the save, compared after it."""
    attnames = [model._meta.get_field(name).attname for name in fields]
    key = f"{model._meta.label_lower}.{'.'.join(sorted(attnames))}"
    marker = f"_search_changed_{key}"

    def before(sender, instance, raw=False, update_fields=None, **kwargs):
        instance.__dict__.pop(marker, None)
        if raw or instance._state.adding or instance.pk is None:
            return
        watched = [name for name in attnames if update_fields is None or name in _names(model, update_fields)]
        if not watched:
            return
        old = model._base_manager.filter(pk=instance.pk).values(*watched).first()
        if old is not None and any(old[name] != getattr(instance, name) for name in watched):
            instance.__dict__[marker] = True

    def after(sender, instance, created=False, raw=False, **kwargs):
        if not raw and instance.__dict__.pop(marker, False):
            indexing.schedule(*affected(instance))

    uid = f"search.watch.{key}"
    pre_save.connect(before, sender=model, weak=False, dispatch_uid=f"{uid}.before")
    post_save.connect(after, sender=model, weak=False, dispatch_uid=f"{uid}.after")


def _names(model, update_fields) -> set[str]:
    """update_fields may name a foreign key by field name or attname: both as attnames."""
    return {model._meta.get_field(name).attname for name in update_fields}


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="search.page_published")
    page_unpublished.connect(page_changed, dispatch_uid="search.page_unpublished")
    post_page_move.connect(page_subtree_changed, dispatch_uid="search.page_moved")
    page_slug_changed.connect(page_subtree_changed, dispatch_uid="search.page_slug_changed")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_saved")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted")
    # Deleting a page deletes its descendants too; every one of them passes here as a Page.
    post_delete.connect(object_deleted, sender=Page, dispatch_uid="search.page_deleted")
    for model, fields, affected in registry.watches():
        watch_fields(model, fields, affected)
    for searchable in registry.all_searchables():
        if not searchable.is_page:
            post_delete.connect(
                object_deleted, sender=searchable.model, dispatch_uid=f"search.deleted.{searchable.model._meta.label}"
            )
