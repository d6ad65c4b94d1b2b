"""Organisations and memberships in the CMS admin, for platform administrators; members-only page serving."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts import access, roles
from accounts.models import Membership, Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "kind", "country", "region", "is_verified"]
    list_filter = ["kind", "country", "is_verified"]
    search_fields = ["name", "region"]


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    menu_order = 310
    add_to_admin_menu = True
    form_fields = ["user", "organisation", "role", "status", "source"]
    list_display = ["user", "organisation", "role", "status", "requested_at"]
    list_filter = ["status", "role", "organisation"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]


register_snippet(OrganisationViewSet)


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return MembershipViewSet("memberships")


@hooks.register("before_serve_page")
def members_only_pages_for_members(page, request, serve_args, serve_kwargs):
    """Wagtail's logged-in restriction lets in anyone with an account; the platform lets in members only."""
    if roles.is_member(request.user) or not access.requires_membership(page):
        return None
    if not request.user.is_authenticated:
        return access.login_redirect(request)
    return access.membership_required_response(request)
