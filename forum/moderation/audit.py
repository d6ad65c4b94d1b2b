"""Group decisions that are not moderator actions on a post, but that the audit log keeps all the same: requests to
join decided, members invited, and a group's settings or a membership changed in the CMS.

The forum announces them with signals (`forum.signals`; the forum does not import its moderation) inside the
transaction that makes the change, so the entry and the change are committed or rolled back together.

A settings change is stored as data (`AuditEntry.details["changes"]`: field name, old value, new value) and put into
words when the log is read, in the reader's language. Free-text fields (a description) are recorded as changed,
without their text: the log is not a second copy of the content.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from forum.moderation.models import AuditEntry

# The names under which these entries appear in the log's "action" column and filter (beside the action classes').
EVENT_LABELS = {
    "accept_request": _("Request to join accepted"),
    "decline_request": _("Request to join declined"),
    "invite": _("Invited to the group"),
    "group_created": _("Group created"),
    "group_settings": _("Group settings changed"),
    "membership_changed": _("Membership changed in the CMS"),
}

# Values longer than this (descriptions) are recorded as "changed" only.
SHORT_VALUE = 200


def _member_entry(action, membership, by, details=None):
    return AuditEntry.record(
        actor=by,
        action=action,
        target=membership,
        group=membership.group,
        label=membership.group.name,
        subject=membership.user,
        details=details,
    )


def on_membership_decided(sender, membership, by, **kwargs):
    accepted = membership.status == membership.Status.ACTIVE
    _member_entry("accept_request" if accepted else "decline_request", membership, by)


def on_member_invited(sender, membership, by, **kwargs):
    _member_entry("invite", membership, by)


def on_group_settings_changed(sender, group, by, changes, created=False, **kwargs):
    AuditEntry.record(
        actor=by,
        action="group_created" if created else "group_settings",
        target=group,
        group=group,
        label=group.name,
        details={"model": "forum.forumgroup", "changes": _storable(changes)},
    )


def on_membership_changed(sender, membership, by, changes, **kwargs):
    _member_entry(
        "membership_changed", membership, by, details={"model": "forum.groupmembership", "changes": _storable(changes)}
    )


def _storable(changes):
    stored = []
    for name, old, new in changes:
        if any(isinstance(value, str) and len(value) > SHORT_VALUE for value in (old, new)):
            old = new = None
        stored.append([name, _plain(old), _plain(new)])
    return stored


def _plain(value):
    """A JSON value: model instances by their key, dates as ISO text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "pk"):
        return value.pk
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def describe_changes(entry) -> list[str]:
    """What the entry recorded as data, in the reader's language: "Visibility: Public → Private", or how many members
    reported a post that was held automatically."""
    details = entry.details or {}
    if "reporters" in details:
        count = details["reporters"]
        return [
            ngettext(
                "Held automatically after reports from %(count)d member.",
                "Held automatically after reports from %(count)d members.",
                count,
            )
            % {"count": count}
        ]
    if not details.get("changes"):
        return []
    model = apps.get_model(details["model"])
    lines = []
    for name, old, new in details["changes"]:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            lines.append(name)
            continue
        label = str(field.verbose_name).capitalize()
        if old is None and new is None:
            lines.append(_("%(field)s: changed") % {"field": label})
        else:
            lines.append(f"{label}: {_display(field, old)} → {_display(field, new)}")
    return lines


def _display(field, value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    choices = dict(field.flatchoices) if field.choices else {}
    return str(choices.get(value, value))
