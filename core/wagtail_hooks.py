"""Wagtail hooks of the site-wide pieces."""

from wagtail import hooks

from core import member_cache, page_cache


@hooks.register("on_serve_page")
def pages_are_public_for_visitors(next_serve_page):
    """A page Wagtail serves is the same for every visitor: the before_serve_page hooks (view restrictions, the
    members-only rule, a password form) answer instead of it for anyone who may not read it, and never get here.
    Only a visitor's 200 without cookies is then kept (core.page_cache); for a member, what the page shows follows
    from the page, the member and the database alone, so their repeat view may come from core.member_cache."""

    def serve(page, request, args, kwargs):
        page_cache.mark_public(request)
        member_cache.mark_page(request)
        return next_serve_page(page, request, args, kwargs)

    return serve
