"""Which addresses a front-end cache (Varnish, a CDN) drops when content changes.

Purging by address only reaches the addresses named; lists elsewhere that name a changed page are bounded by
`PAGE_CACHE_MAX_AGE`, unless the cache drops the whole site on any purge (the sample Varnish rule does).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page


def purge_sources(sources) -> None:
    # The site's root on every change: a cache that drops the whole site on any purge needs one address at least,
    # also when the changed page is gone (deleted) and has no address left.
    base = str(settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    batch = PurgeBatch([base + "/"])
    page_ids = set()
    for content_type_id, pk in sources:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            page_ids.add(pk)
            continue
        obj = model._default_manager.filter(pk=pk).first()
        url = obj.get_absolute_url() if obj is not None and hasattr(obj, "get_absolute_url") else None
        if url:
            batch.add_url(base + url)
    for page in Page.objects.filter(pk__in=page_ids):
        batch.add_pages(page.get_ancestors(inclusive=True).filter(depth__gt=1))
    batch.purge()
