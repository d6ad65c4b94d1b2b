"""Background work of the site-wide pieces: purging a CDN or Varnish in front of the site."""

from django_tasks import task


@task()
def purge_frontend_cache(sources: list[list[int]]) -> None:
    """Ask the configured front-end caches (settings.WAGTAILFRONTENDCACHE) to drop the pages these changed
    (content type id, primary key) sources show on: a page with its ancestors (their lists name it), or an
    object's own address. See platform/README.md for why Varnish drops the whole site on any purge."""
    from core import page_cache
    from core.frontend_cache import purge_sources

    # The task may run before the request that queued it has started the page cache's new generation (it does so
    # after its commit): a purged CDN asking again must not be served the page cache's old copy.
    page_cache.bump()
    purge_sources(sources)
