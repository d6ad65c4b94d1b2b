"""What can be the target of a notification, and how to show it to one particular person.

An app registers each model it notifies about. Nothing about the target is copied into the notification: its
title, excerpt and link are rendered from the current object each time it is shown or mailed, and only after
`can_view(recipient, target)` says the recipient may still read it. So an edited, hidden or purged post never
leaks through an old notification.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Value


@dataclass(frozen=True)
class Target:
    model: type
    can_view: Callable[[Any, Any], bool]
    url: Callable[[Any], str]
    title: Callable[[Any], str]
    excerpt: Callable[[Any], str] | None = None
    visible: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class Rendered:
    """A target as one recipient may see it right now."""

    title: str
    url: str
    excerpt: str


_targets: dict[type, Target] = {}


def register_target(model, *, can_view, url, title, excerpt=None, visible=None):
    """can_view(user, obj) -> bool is checked at every delivery (list, immediate e-mail, digest);
    url(obj) -> site-relative URL (language-prefixed), title(obj) -> str, excerpt(obj) -> short plain text.

    `visible(user) -> QuerySet of model` is optional: when given, the in-app list and unread count filter with it
    inside the database query (one query, however many notifications), and `can_view` remains the final check
    before anything is shown or mailed.
    """
    model = model._meta.concrete_model
    _targets[model] = Target(model=model, can_view=can_view, url=url, title=title, excerpt=excerpt, visible=visible)


def unregister_target(model) -> None:
    """For tests that register a throwaway model."""
    _targets.pop(model._meta.concrete_model, None)


def target_for(model) -> Target:
    try:
        return _targets[model._meta.concrete_model]
    except KeyError:
        raise ImproperlyConfigured(
            f"{model._meta.label} is not a notification target; call notifications.registry.register_target()"
        ) from None


def is_registered(model) -> bool:
    return model._meta.concrete_model in _targets


def registered() -> list[Target]:
    return list(_targets.values())


def content_types() -> dict[int, Target]:
    """Registered targets by content type id."""
    types = ContentType.objects.get_for_models(*(t.model for t in _targets.values())) if _targets else {}
    return {ct.pk: _targets[model] for model, ct in types.items()}


def render(recipient, obj) -> Rendered | None:
    """The target as `recipient` may see it now, or None when it is gone, unregistered or no longer readable."""
    if obj is None or not is_registered(type(obj)):
        return None
    target = target_for(type(obj))
    if not target.can_view(recipient, obj):
        return None
    excerpt = target.excerpt(obj) if target.excerpt else ""
    return Rendered(title=str(target.title(obj)), url=target.url(obj), excerpt=_shorten(str(excerpt or "")))


READERS_PER_QUERY = 100


def readers(obj, users) -> set[int]:
    """The ids of those `users` who may read `obj` now, in one query per hundred people where the target has a
    `visible` filter (a union of each person's filter narrowed to this one object); else `can_view` one by one."""
    target = target_for(type(obj))
    users = list(users)
    if target.visible is None:
        return {user.pk for user in users if target.can_view(user, obj)}
    from accounts import roles

    roles.preload(users)  # the filters ask about each person's roles: two queries for all of them instead
    found: set[int] = set()
    for start in range(0, len(users), READERS_PER_QUERY):
        chunk = users[start : start + READERS_PER_QUERY]
        queries = [
            target.visible(user).filter(pk=obj.pk).order_by().annotate(reader=Value(user.pk)).values_list("reader")
            for user in chunk
        ]
        found |= {pk for (pk,) in queries[0].union(*queries[1:], all=True)}
    return found


def _shorten(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


# Kinds only some people can receive (e.g. review requests: moderators), with who they are; the settings page offers
# a kind only to them.
_kind_audiences: dict[str, Callable[[Any], bool]] = {}


def register_kind_audience(kind: str, receives: Callable[[Any], bool]) -> None:
    _kind_audiences[kind] = receives


def kinds_for(user) -> list[str]:
    from notifications.kinds import Kind

    return [kind for kind in Kind.values if kind not in _kind_audiences or _kind_audiences[kind](user)]
