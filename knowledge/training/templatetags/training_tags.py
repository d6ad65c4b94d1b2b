"""Template helpers of training pages."""

from django import template

from knowledge.training.permissions import manageable_sessions, trajectory_organisations

register = template.Library()


@register.filter
def may_manage_sessions_of(user, module) -> bool:
    """Whether `user` may see the participants of `module`'s sessions (a filter, as the page model that renders them
    cannot import the permissions, which import the models)."""
    return manageable_sessions(user).filter(page=module).exists()


@register.filter
def trajectory_organisations_of(user):
    """The organisations whose implementation trajectory `user` may see."""
    return trajectory_organisations(user)
