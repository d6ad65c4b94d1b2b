"""Regional networks in the CMS admin: platform administrators create a network and name its coordinators.

Which organisations take part is decided on the front end (an organisation asks, a network coordinator admits); the
second view set lets an administrator see those rows and correct one, for example to seed a new network's first
members.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.models import Membership, User
from pool.models import Network, NetworkMembership


class NetworkAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A network coordinator acts through their own membership of the platform: only members are offered.
        active_members = Membership.objects.active().values("user")
        self.fields["coordinators"].queryset = User.objects.filter(pk__in=active_members).order_by(
            "last_name", "first_name", "email"
        )
        self.fields["coordinators"].help_text = _(
            "Members of the platform who admit organisations and edit the agreements. Hold Ctrl (Cmd on a Mac) to "
            "choose more than one."
        )


class NetworkViewSet(ModelViewSet):
    model = Network
    icon = "site"
    menu_label = _("Regional networks")
    menu_order = 340
    add_to_admin_menu = True
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("description"),
            FieldPanel("coordinators", widget=forms.SelectMultiple(attrs={"size": 10})),
            FieldPanel(
                "agreements",
                help_text=_("Markdown. The network coordinators can also edit the agreements on the network's page."),
            ),
        ],
        base_form_class=NetworkAdminForm,
    )
    list_display = ["name", "slug", "created_at"]
    search_fields = ["name", "description"]


class NetworkMembershipViewSet(ModelViewSet):
    model = NetworkMembership
    icon = "group"
    menu_label = _("Network participants")
    menu_order = 350
    add_to_admin_menu = True
    form_fields = ["network", "organisation", "status", "reason"]
    list_display = ["organisation", "network", "status", "requested_at", "decided_at"]
    list_filter = ["network", "status"]
    search_fields = ["organisation__name", "network__name"]


@hooks.register("register_admin_viewset")
def register_network_viewset():
    return NetworkViewSet("pool_networks")


@hooks.register("register_admin_viewset")
def register_network_membership_viewset():
    return NetworkMembershipViewSet("pool_network_participants")
