"""Forms for asking a network for a mediator: the request, an offer, a reason (withdrawing, refusing) and the hours.

Everything typed here is read by people of other organisations, so the personal-data detector runs on it and its
findings stop the form: the person takes the passage out (a request needs no names, addresses or numbers to find a
mediator) and nothing they typed is lost on the way.
"""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from core.forms import PersonalDataCheck
from pool.choices import ConflictKind, Domain, Language, Urgency
from pool.models import MediatorRequest

PERSONAL_DATA_REMINDER = _(
    "No names of citizens or colleagues, and no addresses, phone numbers, e-mail addresses or case numbers: write "
    "'the resident' or 'the team leader' instead. Everyone in the network reads the request."
)
PERSONAL_DATA_ERROR = _(
    "The text may contain personal data (see the passages above). Take it out or describe it in general terms: "
    "a request is read by everyone in the network."
)


class BlockPersonalData(PersonalDataCheck):
    """Findings block the form: no "I have checked these" here, as everyone in the network reads the text."""

    confirmable = False
    blocked_message = PERSONAL_DATA_ERROR


class RequestForm(BlockPersonalData, forms.ModelForm):
    checked_fields = ("title", "description")

    organisation = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={"required": _("Choose the organisation you ask for.")},
    )

    class Meta:
        model = MediatorRequest
        fields = [
            "organisation",
            "title",
            "conflict_kind",
            "domain",
            "language",
            "urgency",
            "period_start",
            "period_end",
            "description",
        ]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 8}),
            "urgency": forms.RadioSelect,
        }
        help_texts = {
            "title": _("A short, general subject, such as 'Objection to a refused permit, conversation stuck'."),
            "language": _("The language the mediation will be held in."),
            "description": _(
                "What the conflict is about, who is involved (by role: 'the resident', 'the team leader'), what has "
                "been tried, and what kind of mediator would fit."
            ),
        }
        error_messages = {
            "title": {"required": _("Give the request a short subject.")},
            "description": {"required": _("Describe the conflict in a few anonymised sentences.")},
        }

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = organisations
        if len(organisations) == 1:
            # Asking for one organisation only: nothing to choose.
            field.initial = organisations[0].pk
            field.widget = forms.HiddenInput()
        self.fields["conflict_kind"].choices = ConflictKind.choices
        self.fields["domain"].choices = Domain.choices
        self.fields["language"].choices = Language.choices
        self.fields["urgency"].choices = Urgency.choices
        self.fields["period_start"].help_text = _("Optional: from when the mediation should start.")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end of the wished period cannot be before its start."))
        if "organisation" in self.errors and self.fields["organisation"].widget.is_hidden:
            # A hidden field's error would otherwise be shown nowhere.
            self.add_error(None, _("You cannot ask this network on behalf of this organisation."))
        return cleaned

    def _post_clean(self):
        # The model's check constraints are the service's business; the form has said what is wrong already.
        pass


class OfferForm(BlockPersonalData, forms.Form):
    checked_fields = ("message",)

    message = forms.CharField(
        label=_("Message to the requester"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional: why you fit this case, and when you are available. No contact details yet."),
    )


class ReasonForm(BlockPersonalData, forms.Form):
    checked_fields = ("reason",)

    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give a reason.")},
    )

    def __init__(self, *args, label=None, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["reason"].label = label
        self.fields["reason"].help_text = help_text


class HoursForm(forms.Form):
    hours = forms.DecimalField(
        label=_("Hours spent on the case"),
        localize=True,
        max_digits=6,
        decimal_places=2,
        min_value=Decimal("0.01"),
        max_value=Decimal("1000"),
        help_text=_("All hours the case took, preparation and conversations included; for example 6 or 7.5."),
        error_messages={
            "required": _("Enter the hours the case took."),
            "invalid": _("Enter the hours as a number, for example 6 or 7.5."),
            "min_value": _("Enter a number of hours above 0."),
            "max_value": _("Enter at most 1000 hours."),
            "max_decimal_places": _("Use at most two decimals."),
            "max_digits": _("Enter at most 1000 hours."),
        },
    )
    completed_on = forms.DateField(
        label=_("Date the case finished"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Enter the date the case finished."), "invalid": _("Enter a valid date.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hours"].widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})
        if not self.is_bound and "completed_on" not in self.initial:
            self.initial["completed_on"] = timezone.localdate()

    def clean_completed_on(self):
        completed_on = self.cleaned_data["completed_on"]
        if completed_on > timezone.localdate():
            raise forms.ValidationError(_("The date the case finished cannot be in the future."))
        return completed_on
