"""Presentation helpers for requests, offers and loans, and the pool's entry in the main navigation."""

from django import template
from django.utils.translation import gettext

from pool import permissions
from pool.services.requests import SYSTEM_REASONS

register = template.Library()


@register.filter
def reason_text(reason: str) -> str:
    """A stored reason as the reader should see it: the platform's own reasons in the reader's language."""
    return gettext(reason) if reason in SYSTEM_REASONS else reason


@register.simple_tag(takes_context=True)
def pool_member(context) -> bool:
    """Whether the person may use the pool: an active member of a verified organisation."""
    user = context.get("user")
    return bool(user is not None and user.is_authenticated and permissions.member_organisation_ids(user))
