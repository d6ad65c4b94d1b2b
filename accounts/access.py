"""Who may read a page: the one rule every surface of a page applies.

A page is *members-only* when it (or an ancestor) has Wagtail's "Private, accessible to logged-in users" view
restriction, or when its type has a boolean `members_only` field that is set. Wagtail itself only checks that
somebody is logged in; the platform's rule is stricter: only a member (`accounts.roles.is_member`: an active
membership of a verified organisation) reads it. A page restricted to Django groups is read by those groups only.
A password-protected page is read only on the page itself, after its password form (Wagtail's own view): the
other surfaces of a page (print view, history, links with its title) never show it, because they cannot ask.

The rule lives in accounts because "member" is defined here and every app may import accounts' public
interfaces. `may_read_page` is the object check and `readable_pages` its queryset counterpart: both agree, and
a test checks that on a generated population.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, get_page_models

from accounts import roles


def requires_membership(page) -> bool:
    """Members-only, by a logged-in restriction on the page or an ancestor or by the page's own flag."""
    if any(r.restriction_type == PageViewRestriction.LOGIN for r in page.get_view_restrictions()):
        return True
    return bool(getattr(page.specific_deferred, "members_only", False))


def _group_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    cached = user.__dict__.get("_group_ids")
    if cached is None:
        cached = set(user.groups.values_list("pk", flat=True))
        user.__dict__["_group_ids"] = cached
    return cached


def _restriction_allows(user, restriction) -> bool:
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return roles.is_member(user)
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if user.is_authenticated and user.is_superuser:
            return True
        return bool(_group_ids(user) & {group.pk for group in restriction.groups.all()})
    return False  # PASSWORD: only on the page itself, see the module docstring


def may_read_page(user, page) -> bool:
    """Whether `user` may see this page's title and text anywhere outside the page's own URL."""
    if page is None or not page.live or page.expired:
        return False
    if not all(_restriction_allows(user, r) for r in page.get_view_restrictions()):
        return False
    return roles.is_member(user) or not getattr(page.specific_deferred, "members_only", False)


def readable_pages(user, pages=None):
    """`pages` (default: every page) narrowed in the query to the live pages `user` may read."""
    pages = (Page.objects.all() if pages is None else pages).live().filter(expired=False)
    hidden = Q()
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups"):
        if not _restriction_allows(user, restriction):
            hidden |= pages.descendant_of_q(restriction.page, inclusive=True)
    if hidden:
        pages = pages.exclude(hidden)
    if not roles.is_member(user):
        for model in _models_with_members_only_flag():
            pages = pages.exclude(pk__in=model.objects.filter(members_only=True).values("pk"))
    return pages


def _models_with_members_only_flag():
    return [
        model
        for model in get_page_models()
        if any(field.name == "members_only" for field in model._meta.concrete_fields) and not model._meta.abstract
    ]


class MembershipRequired(PermissionDenied):
    """Raised for members-only content: the 403 handler sends visitors to log in and tells others why not."""


def active_organisation_ids(user) -> frozenset[int]:
    """The verified organisations the person is an active member of, whatever their staff flags: the practice layer
    (pool, cases) is the business of organisations, and a platform administrator has no part in it as such.
    Cached on the request's user object: every check of a page asks it."""
    if not user.is_authenticated:
        return frozenset()
    if "_active_organisation_ids" not in user.__dict__:
        from accounts.models import Membership

        rows = Membership.objects.active().filter(user=user).values_list("organisation_id", flat=True)
        user.__dict__["_active_organisation_ids"] = frozenset(rows)
    return user.__dict__["_active_organisation_ids"]


def has_active_membership(user) -> bool:
    return bool(active_organisation_ids(user))


def members_only(view):
    """A view of the practice layer: a visitor is sent to log in (and comes back), a logged-in person without an
    active membership learns why not (`MembershipRequired`); what a member then sees is the view's own rule."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not has_active_membership(request.user):
            raise MembershipRequired
        return view(request, *args, **kwargs)

    return wrapped


def refuse(user, page):
    """Raise what a reader who may not read `page` gets: MembershipRequired for a live page that only needs
    membership (so a visitor is asked to log in and a pending member learns why), else Http404."""
    if (
        page is not None
        and page.live
        and not page.expired
        and not roles.is_member(user)
        and requires_membership(page)
        and all(r.restriction_type == PageViewRestriction.LOGIN for r in page.get_view_restrictions())
    ):
        raise MembershipRequired
    raise Http404


def readable_page_or_refuse(user, pages, pk):
    """The page with `pk` in `pages` if `user` may read it; otherwise `refuse`."""
    page = readable_pages(user, pages).filter(pk=pk).first()
    if page is None:
        refuse(user, pages.filter(pk=pk).first())
    return page


def membership_problem(user) -> str:
    """Why a logged-in person is not a member, as a key the 403 page explains."""
    from accounts.models import Membership

    if not user.email_verified:
        return "unverified"
    memberships = list(user.memberships.select_related("organisation"))
    if any(m.status == Membership.Status.ACTIVE and not m.organisation.is_verified for m in memberships):
        return "organisation_unverified"
    if any(m.status == Membership.Status.PENDING for m in memberships):
        return "pending"
    if any(m.status in Membership.ENDED for m in memberships):
        return "ended"
    return "none"


# Longer ways back are not kept: Django refuses to redirect to an address past 16,384 characters, and no link of the
# site is anywhere near this long.
LONGEST_WAY_BACK = 2000


def login_redirect(request):
    """Send a visitor to log in, and back to the address they asked for afterwards (if it is a sensible length).
    The way back depends on the address, so no shared cache may keep the answer."""
    from django.contrib.auth.views import redirect_to_login
    from django.utils.cache import add_never_cache_headers

    way_back = request.get_full_path()
    response = redirect_to_login(way_back if len(way_back) <= LONGEST_WAY_BACK else "/")
    add_never_cache_headers(response)
    return response


def membership_required_response(request, status=403):
    """The 403 page that tells a logged-in non-member why they cannot read members-only content."""
    from django.shortcuts import render
    from django.utils.cache import add_never_cache_headers

    response = render(
        request, "accounts/membership_required.html", {"reason": membership_problem(request.user)}, status=status
    )
    add_never_cache_headers(response)
    return response
