"""Forum groups and their members in the CMS admin: administrators create groups and appoint group moderators.

What they change here reaches the moderation audit log: the views announce it with the forum's signals inside the
transaction that saves it (the forum does not import its moderation).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet

from forum import signals
from forum.models import ForumGroup, GroupMembership


def changed_fields(form, created=False):
    """(field, old, new) for what the form changed; for a new object, every field that was filled in."""
    names = [name for name in form.fields if form.cleaned_data.get(name) not in (None, "")] if created else []
    names = names or form.changed_data
    return [(name, None if created else form.initial.get(name), form.cleaned_data.get(name)) for name in names]


class AuditedSave:
    """Announces the saved changes; `announce(instance, changes, created)` says with which signal."""

    created = False

    def save_instance(self):
        changes = changed_fields(self.form, created=self.created)
        instance = super().save_instance()
        if changes:
            self.announce(instance, changes)
        return instance


class GroupAudit(AuditedSave):
    def announce(self, group, changes):
        signals.group_settings_changed.send(
            sender=ForumGroup, group=group, by=self.request.user, changes=changes, created=self.created
        )


class MembershipAudit(AuditedSave):
    def announce(self, membership, changes):
        signals.membership_changed.send(
            sender=GroupMembership, membership=membership, by=self.request.user, changes=changes
        )


class GroupCreateView(GroupAudit, CreateView):
    created = True


class GroupEditView(GroupAudit, EditView):
    pass


class MembershipCreateView(MembershipAudit, CreateView):
    created = True


class MembershipEditView(MembershipAudit, EditView):
    pass


class ForumGroupViewSet(ModelViewSet):
    model = ForumGroup
    icon = "group"
    menu_label = _("Forum groups")
    menu_order = 320
    add_to_admin_menu = True
    add_view_class = GroupCreateView
    edit_view_class = GroupEditView
    form_fields = [
        "name",
        "slug",
        "description",
        "language",
        "visibility",
        "join_policy",
        "max_members",
        "premoderation",
        "premoderation_first_posts",
        "allow_pseudonyms",
    ]
    list_display = ["name", "language", "visibility", "join_policy", "premoderation"]
    list_filter = ["language", "visibility", "join_policy"]
    search_fields = ["name", "description"]


class GroupMembershipViewSet(ModelViewSet):
    model = GroupMembership
    icon = "user"
    menu_label = _("Forum group members")
    menu_order = 330
    add_to_admin_menu = True
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    form_fields = ["group", "user", "role", "status", "suspended_until"]
    list_display = ["user", "group", "role", "status", "created_at"]
    list_filter = ["group", "role", "status"]
    search_fields = ["user__email", "user__last_name", "group__name"]


@hooks.register("register_admin_viewset")
def register_forum_group_viewset():
    return ForumGroupViewSet("forum_groups")


@hooks.register("register_admin_viewset")
def register_group_membership_viewset():
    return GroupMembershipViewSet("forum_group_members")
