"""Wagtail pages as search documents.

Members-only pages: a page (or an ancestor) with Wagtail's view restriction "Private, accessible to logged-in
users" is members-only in search (accounts.access.requires_membership, the rule page serving applies): only
members find it. A page type may also have a
boolean `members_only` field with the same meaning. Pages restricted by password or to Django groups are never
indexed. Drafts, pages waiting in a workflow and unpublished or expired pages are never indexed: the page row
holds the live version, and a pending revision stays out of the index until it is published.
"""

from django.utils.text import slugify
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import get_text_for_indexing

from accounts.access import requires_membership
from search.documents import DocumentData
from search.models import Visibility

_HIDDEN_RESTRICTIONS = (PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS)


def page_visibility(page: Page) -> str | None:
    """PUBLIC, MEMBERS, or None for a page search must not show anybody."""
    kinds = {restriction.restriction_type for restriction in page.get_view_restrictions()}
    if kinds & set(_HIDDEN_RESTRICTIONS):
        return None
    if requires_membership(page):
        return Visibility.MEMBERS
    return Visibility.PUBLIC


def indexable_pages(page_model):
    """Live pages of one type that may be indexed (members-only included; password/group-restricted not)."""
    pages = page_model.objects.live().filter(expired=False)
    for restriction in PageViewRestriction.objects.filter(restriction_type__in=_HIDDEN_RESTRICTIONS).select_related(
        "page"
    ):
        pages = pages.not_descendant_of(restriction.page, inclusive=True)
    return pages


def page_text(page: Page) -> str:
    """The readable text of every StreamField and rich text field of the page, in field order."""
    parts = []
    for model_field in page._meta.concrete_fields:
        value = getattr(page, model_field.attname, None)
        if value is None:
            continue
        if isinstance(model_field, StreamField):
            parts.extend(str(text) for text in model_field.stream_block.get_searchable_content(value))
        elif isinstance(model_field, RichTextField):
            parts.append(get_text_for_indexing(value))
    return "\n".join(part for part in parts if part)


def page_summary(page: Page) -> str:
    return getattr(page, "summary", "") or getattr(page, "lead", "") or page.search_description or ""


def page_tags(page: Page) -> list[tuple[str, str]]:
    manager = getattr(page, "tags", None)
    if manager is None or not hasattr(manager, "all"):
        return []
    return [(tag.slug or slugify(tag.name, allow_unicode=True), tag.name) for tag in manager.all()]


class PageDocumentBuilder:
    """Turns a live page into DocumentData. Each option is a callable(page) replacing one default."""

    def __init__(self, *, summary=None, body=None, tags=None, organisation=None, visibility=None):
        self.summary = summary or page_summary
        self.body = body or page_text
        self.tags = tags or page_tags
        self.organisation = organisation or (lambda page: getattr(page, "organisation_id", None))
        self.visibility = visibility or page_visibility

    def __call__(self, page: Page) -> DocumentData | None:
        page = page.specific
        if not page.live or page.expired:
            return None
        visibility = self.visibility(page)
        url = page.get_url()
        if visibility is None or not url:
            return None
        return DocumentData(
            title=page.title,
            url=url,
            language=page.locale.language_code,
            visibility=visibility,
            summary=self.summary(page),
            body=self.body(page),
            tags=self.tags(page),
            organisation_id=self.organisation(page),
            published_at=page.first_published_at,
            updated_at=page.last_published_at,
        )
