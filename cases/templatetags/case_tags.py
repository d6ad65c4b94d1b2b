"""The case register's entry in the main navigation."""

from django import template

from cases import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def cases_member(context) -> bool:
    """Whether the person may use the case register: an active member of a verified organisation."""
    user = context.get("user")
    return bool(user is not None and user.is_authenticated and permissions.member_organisation_ids(user))
