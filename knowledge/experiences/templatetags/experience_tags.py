"""Template helpers of shared experiences."""

from django import template

from knowledge.experiences.permissions import can_moderate

register = template.Library()


@register.filter
def can_moderate_experiences(user) -> bool:
    return can_moderate(user)
