"""The case register's entry in the main navigation, and the sections other apps add to a case's page."""

from django import template
from django.utils.html import format_html_join
from wagtail import hooks

from cases import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def cases_member(context) -> bool:
    """Whether the person may use the case register: an active member of a verified organisation."""
    user = context.get("user")
    return bool(user is not None and user.is_authenticated and permissions.member_organisation_ids(user))


@register.simple_tag(takes_context=True)
def case_page_panels(context, case):
    """What apps built on the case register add to a case's page, without the register importing them: each
    `case_page_panels` hook is `fn(request, case)` and returns HTML (escaped unless marked safe) or None."""
    request = context.get("request")
    panels = [hook(request, case) for hook in hooks.get_hooks("case_page_panels")]
    return format_html_join("", "{}", ((panel,) for panel in panels if panel))
