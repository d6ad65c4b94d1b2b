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
