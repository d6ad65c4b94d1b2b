"""Which things are searchable, and how each becomes a search document.

Adding a content type is a few lines in that app's `search_indexes.py` (found automatically at start-up):

    from django.utils.translation import gettext_lazy as _
    from search import registry

    registry.register_page(ProtocolPage, kind="protocol", label=_("Protocol"), label_plural=_("Protocols"))

Pages are indexed on publish, unpublish, move and delete without more code. Other models pass `to_document`
(object → DocumentData, or None when it must not be found) and `queryset` (what a full reindex walks), and call
`search.indexing.schedule(obj)` after their own changes (e.g. a forum post approved, hidden or deleted).

When a change to one object decides who may read others (a forum group's visibility decides its threads'),
`reindex_on_change` says so once, and every way of saving it (a service, the CMS, a shell) reindexes them:

    registry.reindex_on_change(ForumGroup, fields=["visibility"], affected=lambda group: [group.threads.all()])
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from search.documents import DocumentData


@dataclass
class Searchable:
    model: type[models.Model]
    kind: str
    label: str | Promise
    label_plural: str | Promise
    to_document: Callable[[models.Model], DocumentData | None]
    queryset: Callable[[], Iterable[models.Model]]
    is_page: bool = False

    @property
    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model)


_by_model: dict[type[models.Model], Searchable] = {}
_kind_labels: dict[str, tuple] = {}
_watches: list[tuple] = []


def register(
    model,
    *,
    kind: str,
    label,
    to_document: Callable,
    queryset: Callable,
    label_plural=None,
    is_page: bool = False,
) -> Searchable:
    searchable = Searchable(
        model=model,
        kind=kind,
        label=label,
        label_plural=label_plural or label,
        to_document=to_document,
        queryset=queryset,
        is_page=is_page,
    )
    _by_model[model] = searchable
    _kind_labels[kind] = (searchable.label, searchable.label_plural)
    return searchable


def register_page(page_model, *, kind: str, label, label_plural=None, **builder_options) -> Searchable:
    """A Wagtail page type; `builder_options` go to search.pages.PageDocumentBuilder (summary, body, ...)."""
    from search.pages import PageDocumentBuilder, indexable_pages

    return register(
        page_model,
        kind=kind,
        label=label,
        label_plural=label_plural,
        to_document=PageDocumentBuilder(**builder_options),
        queryset=lambda: indexable_pages(page_model),
        is_page=True,
    )


def reindex_on_change(model, *, fields, affected: Callable[[models.Model], Iterable]) -> None:
    """After a saved `model` object commits a new value of one of `fields`, reindex `affected(obj)`: objects and
    querysets of registered types. A save whose `update_fields` leave these fields alone costs nothing."""
    _watches.append((model, fields, affected))


def watches() -> list[tuple[type[models.Model], list[str], Callable[[models.Model], Iterable]]]:
    """What `reindex_on_change` asked for; search.signals connects them once every app has registered."""
    return list(_watches)


def unregister(model) -> None:
    searchable = _by_model.pop(model, None)
    if searchable and not any(s.kind == searchable.kind for s in _by_model.values()):
        _kind_labels.pop(searchable.kind, None)


def for_content_type_id(content_type_id: int) -> Searchable | None:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return _by_model.get(model) if model else None


def all_searchables() -> list[Searchable]:
    return list(_by_model.values())


def kind_label(kind: str, plural: bool = False):
    labels = _kind_labels.get(kind)
    if labels is None:
        return _("Other")
    return labels[1] if plural else labels[0]
