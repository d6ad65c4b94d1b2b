"""Who is searching, reduced to what the permission filter needs: member or not, and which groups.

An app with private groups tells search which of them a user may read (the forum, in `forum/search_indexes.py`):

    from search.audience import register_group_provider
    register_group_provider(private_groups_of)  # user -> ids of the private groups whose threads they may read
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from accounts import roles
from search.models import Visibility

_group_providers: list[Callable[[object], Iterable[int]]] = []


@dataclass(frozen=True)
class Audience:
    member: bool = False
    group_ids: frozenset[int] = frozenset()

    @property
    def cache_key(self) -> str:
        return f"{int(self.member)}:{','.join(map(str, sorted(self.group_ids)))}"

    def sql(self, alias: str, group_condition: Callable[[str], str]) -> tuple[str, list]:
        """The SQL condition that a row with a `visibility` column is readable by this audience, and its params.

        `group_condition(placeholders)` says how a row is tied to one of the groups in `placeholders` (a
        document has a link table, a vocabulary row its own column): the one thing the callers differ in.
        """
        clauses, params = [f"{alias}.visibility = %s"], [Visibility.PUBLIC.value]
        if self.member:
            clauses.append(f"{alias}.visibility = %s")
            params.append(Visibility.MEMBERS.value)
        if self.group_ids:
            group_ids = sorted(self.group_ids)
            clauses.append(f"({alias}.visibility = %s AND {group_condition(', '.join(['%s'] * len(group_ids)))})")
            params += [Visibility.GROUPS.value, *group_ids]
        return "(" + " OR ".join(clauses) + ")", params


VISITOR = Audience()


def register_group_provider(provider: Callable[[object], Iterable[int]]) -> None:
    if provider not in _group_providers:
        _group_providers.append(provider)


def unregister_group_provider(provider: Callable[[object], Iterable[int]]) -> None:
    if provider in _group_providers:
        _group_providers.remove(provider)


def audience_for(user) -> Audience:
    if user is None or not user.is_authenticated:
        return VISITOR
    cached = user.__dict__.get("_search_audience")
    if cached is None:
        group_ids = frozenset(int(pk) for provider in _group_providers for pk in provider(user))
        cached = Audience(member=roles.is_member(user), group_ids=group_ids)
        user.__dict__["_search_audience"] = cached
    return cached
