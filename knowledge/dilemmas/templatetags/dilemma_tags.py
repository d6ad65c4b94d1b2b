from django import template
from django.utils.html import format_html

from knowledge.dilemmas import services

register = template.Library()


@register.simple_tag(takes_context=True)
def draft_grant_field(context, worksheet):
    """The hidden field that lets this person's text be kept when their session expires while the page is open."""
    user = context["request"].user
    if not user.is_authenticated:
        return ""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', services.DRAFT_GRANT_FIELD, services.draft_grant(worksheet, user)
    )
