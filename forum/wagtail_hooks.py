"""Forum groups and their members in the CMS admin: administrators create groups and appoint group moderators."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from forum.models import ForumGroup, GroupMembership


class ForumGroupViewSet(ModelViewSet):
    model = ForumGroup
    icon = "group"
    menu_label = _("Forum groups")
    menu_order = 320
    add_to_admin_menu = True
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
