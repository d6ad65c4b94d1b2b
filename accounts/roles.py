"""The platform's roles, in one place.

Trainer, editor and moderator are Django groups (created by a data migration, with the Wagtail permissions each
needs). Member and coordinator are roles within an organisation (Membership.role).
"""

TRAINERS = "Trainers"
EDITORS = "Editors"
MODERATORS = "Moderators"
GROUP_NAMES = (TRAINERS, EDITORS, MODERATORS)


def in_group(user, name: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    # Cached per request object: templates ask several times.
    cache = user.__dict__.setdefault("_group_names", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user.__dict__["_group_names"] = cache
    return name in cache


def preload(users) -> None:
    """Answer `in_group` and `is_member` for many people in two queries: for work that asks them about each person
    (a task deciding who may read what it notifies about)."""
    from accounts.models import Membership

    users = [user for user in users if user.is_authenticated and "_is_member" not in user.__dict__]
    if not users:
        return
    ids = [user.pk for user in users]
    groups: dict[int, set[str]] = {pk: set() for pk in ids}
    for user_id, name in _group_names_of(ids):
        groups[user_id].add(name)
    members = set(Membership.objects.active().filter(user_id__in=ids).values_list("user_id", flat=True))
    for user in users:
        user.__dict__["_group_names"] = groups[user.pk]
        user.__dict__["_is_member"] = user.pk in members


def _group_names_of(user_ids):
    from django.contrib.auth import get_user_model

    through = get_user_model().groups.through
    return through.objects.filter(user_id__in=user_ids).values_list("user_id", "group__name")


def is_member(user) -> bool:
    """A civil servant with an active membership of a verified organisation (or staff, who see everything)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = user.__dict__.get("_is_member")
    if cached is None:
        from accounts.models import Membership

        cached = Membership.objects.active().filter(user=user).exists()
        user.__dict__["_is_member"] = cached
    return cached
