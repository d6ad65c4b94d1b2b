from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from forum.display import former_member_name, participant_name
from forum.models import ThreadPseudonym
from forum.moderation import permissions

register = template.Library()


@register.simple_tag
def moderation_author(post):
    """How a moderator sees a post's author before any reveal: the pseudonym, never the name behind it."""
    if post.author_id is None:
        return former_member_name()
    if post.is_pseudonymous:
        number = (
            ThreadPseudonym.objects.filter(thread_id=post.thread_id, user_id=post.author_id)
            .values_list("number", flat=True)
            .first()
        )
        name = participant_name(number) if number is not None else _("a participant")
        return _("%(name)s (pseudonymous)") % {"name": name}
    return post.author.get_full_name() or post.author.email


@register.simple_tag
def person(user, stored_name=""):
    """A person in moderation records: their current name, or "former member" once the account is gone."""
    if user is not None:
        return user.get_full_name() or user.email
    return former_member_name()


@register.simple_tag(takes_context=True)
def moderation_links(context):
    """Which moderation pages the current person may open (for the forum's index page)."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {}
    return {"queue": permissions.can_open_queue(user), "audit": permissions.can_read_audit_log(user)}


@register.simple_tag(takes_context=True)
def member_history_url(context, post, revealed=None):
    """The link to a post's author's moderation history, or "". Never for a pseudonymous post before the logged
    reveal: the link would name the person behind the pseudonym."""
    user = context.get("user")
    if user is None or post.author_id is None or (post.is_pseudonymous and revealed is None):
        return ""
    if not permissions.can_see_member_history(user, post.author):
        return ""
    return reverse("forum_moderation:member_history", kwargs={"user_id": post.author_id})
