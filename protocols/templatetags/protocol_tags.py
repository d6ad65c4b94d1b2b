"""Template helpers of protocol pages."""

from django import template

from protocols.permissions import own_checklists

register = template.Library()


@register.filter
def own_checklists_of(user, page) -> list:
    """`user`'s own checklists of the protocol `page` (a filter, as the page model that renders them cannot import
    the permissions, which import the models)."""
    return list(own_checklists(user).filter(page=page))
