"""The form a coordinator keeps an external mediator with."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, User
from core.forms import PersonalDataCheck
from pool.forms.profiles import CONFIRM_LABEL, expertise_fields
from pool.models import ExternalMediator


class ExternalForm(PersonalDataCheck, forms.ModelForm):
    checked_fields = ("contract_notes",)
    confirm_label = CONFIRM_LABEL

    class Meta:
        model = ExternalMediator
        fields = [
            "name",
            "firm",
            "email",
            "phone",
            "region",
            "register_number",
            "contact_person",
            "contract_notes",
        ]
        widgets = {"contract_notes": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "contact_person": _("The colleague who keeps in touch with this mediator for your organisation."),
            "contract_notes": _(
                "Framework contract, rates, how to call them in. Only members of your organisation see this. "
                "Do not name citizens or colleagues."
            ),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        active = Membership.objects.active().filter(organisation=organisation).values("user")
        contact = self.fields["contact_person"]
        contact.queryset = User.objects.filter(pk__in=active).order_by("last_name", "first_name", "email")
        contact.label_from_instance = lambda user: user.get_full_name() or user.email
        contact.empty_label = _("Nobody yet")
        contact.error_messages["invalid_choice"] = _("Choose an active member of your organisation.")
        for name, field in expertise_fields().items():
            self.fields[name] = field
        self.fields["languages"].label = _("Languages")
        self.order_fields(
            ["name", "firm", "domains", "conflict_kinds", "languages", "email", "phone", "region", "register_number"]
        )
