"""The dashboard's entry in the main navigation, and how its figures are written."""

from django import template
from django.utils import formats
from django.utils.translation import pgettext

from measurement import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard_reader(context) -> bool:
    """Whether the person may read at least one organisation's dashboard. Every page asks it: nothing for a visitor
    or someone without an active membership (the memberships are cached for the request), one query otherwise."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return False
    if "_measurement_reader" not in user.__dict__:
        user.__dict__["_measurement_reader"] = permissions.dashboard_organisations(user).exists()
    return user.__dict__["_measurement_reader"]


@register.filter
def percent(value) -> str:
    """A share (a number from 0 to 100) written as a percentage in the active language, one decimal."""
    if value is None or value == "":
        return ""
    return pgettext("percentage", "%(number)s%%") % {"number": formats.number_format(value, 1)}
