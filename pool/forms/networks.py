"""Forms of the regional networks: asking to join, deciding on a request, editing the agreements.

What people type here can name a colleague (a motivation, a reason to decline, a contact person in the agreements),
so the personal-data detector reads it first. When it finds something, the form comes back with the passages and a
checkbox "I have checked these"; the confirmation covers exactly those findings (a digest), so text added afterwards
is checked again. Nothing typed is lost on the way.
"""

from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PersonalDataCheck
from pool.services.networks import ADMIT, DECLINE

MOTIVATION_LENGTH = 2000
REASON_LENGTH = 2000
AGREEMENTS_LENGTH = 50_000


class JoinForm(PersonalDataCheck, forms.Form):
    organisation = forms.TypedChoiceField(
        label=_("Organisation"),
        coerce=int,
        error_messages={"required": _("Choose the organisation that asks to join.")},
    )
    motivation = forms.CharField(
        label=_("Why your organisation wants to join"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MOTIVATION_LENGTH,
        required=False,
        help_text=_("A few sentences for the network coordinators, for example which cases you expect to share."),
    )
    checked_fields = ("motivation",)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        self.fields["organisation"].choices = [(pk, org.name) for pk, org in self.organisations.items()]
        if len(self.organisations) == 1:
            self.fields["organisation"].initial = next(iter(self.organisations))

    def chosen_organisation(self):
        return self.organisations[self.cleaned_data["organisation"]]


class DecideForm(PersonalDataCheck, forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(ADMIT, _("Admit")), (DECLINE, _("Decline"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose to admit or to decline.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_LENGTH,
        required=False,
        help_text=_("Required when you decline: the organisation's coordinators read it."),
    )
    checked_fields = ("reason",)

    def clean_reason(self):
        reason = (self.cleaned_data.get("reason") or "").strip()
        if self.data.get("decision") == DECLINE and not reason:
            raise forms.ValidationError(_("Give a reason when you decline: the organisation reads it."))
        return reason


class AgreementsForm(PersonalDataCheck, forms.Form):
    agreements = forms.CharField(
        label=_("Agreements"),
        widget=forms.Textarea(attrs={"rows": 24}),
        max_length=AGREEMENTS_LENGTH,
        required=False,
        help_text=_(
            "Markdown: **bold**, *italic*, lists with - or 1., headings with ##, links as [text](https://…). "
            "Every member of the network reads them."
        ),
    )
    # When the version the coordinator started from was saved: a colleague's save in between is not overwritten.
    based_on = forms.CharField(widget=forms.HiddenInput, required=False)
    checked_fields = ("agreements",)

    def clean_based_on(self):
        value = self.cleaned_data.get("based_on") or ""
        try:
            return datetime.fromisoformat(value) if value else None
        except ValueError:
            # Not from our form; treated as "started from an unknown version", which the service refuses if needed.
            return datetime.min
