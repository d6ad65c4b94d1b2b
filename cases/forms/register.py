"""Forms of the register: a case's details, the people involved (as roles) and who works on it.

A case holds no citizen's name, address, number or contact details. The detector runs over every free-text field
(reference, summary, party descriptions); a finding can be saved only when the person confirms that it is not
personal data (a reference such as "BZ-2026-0042" can look like a number to the detector).
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from cases.choices import AssignmentRole, CaseKind, Domain, Origin, PartyRole
from cases.models import Case
from core.forms import PersonalDataCheck

PERSONAL_DATA_REMINDER = _(
    "No names, addresses, citizen service numbers, phone numbers or e-mail addresses: write 'the citizen' or 'the "
    "team leader' instead. Only the people assigned to the case and your organisation's coordinators read it."
)
DEADLINE_BEFORE_RECEIVED = _("The decision deadline cannot be before the date the case was received.")
PARTY_ROWS = 4

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CaseForm(PersonalDataCheck, forms.ModelForm):
    """The case's own details; on the edit page it carries the version it was filled in on."""

    checked_fields: tuple[str, ...] = ("reference", "summary")

    class Meta:
        model = Case
        fields = ["reference", "kind", "policy_domain", "origin", "received_on", "decision_due_on", "summary"]
        widgets = {
            "received_on": DATE_WIDGET,
            "decision_due_on": DATE_WIDGET,
            "summary": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "received_on": {"required": _("Give the date the case was received.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = CaseKind.choices
        self.fields["origin"].choices = Origin.choices
        self.fields["policy_domain"].choices = [("", _("Not specified")), *Domain.choices]
        # The detector's hidden fields are added by the mixin after the model fields.

    def clean(self):
        cleaned = super().clean()
        received, due = cleaned.get("received_on"), cleaned.get("decision_due_on")
        if received and due and due < received:
            self.add_error("decision_due_on", DEADLINE_BEFORE_RECEIVED)
        return cleaned

    def _post_clean(self):
        # The instance is saved by the service, with the row locked; the form only checks the input.
        pass

    def details(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class EditCaseForm(CaseForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk:
            self.fields["version"].initial = self.instance.version


class CreateCaseForm(CaseForm):
    """Registering a case: its organisation (when the person belongs to several), its details and up to four people
    involved, the first of them required."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={"required": _("Choose the organisation the case belongs to.")},
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = organisations
        if len(organisations) == 1:
            field.initial = organisations[0].pk
            field.widget = forms.HiddenInput()
        role_choices = [("", _("Choose a role")), *PartyRole.choices]
        for row in range(1, PARTY_ROWS + 1):
            self.fields[f"party_role_{row}"] = forms.ChoiceField(
                label=_("Person involved %(number)s: role") % {"number": row},
                choices=role_choices,
                required=row == 1,
                error_messages={"required": _("Name at least one person involved, by role.")},
            )
            self.fields[f"party_description_{row}"] = forms.CharField(
                label=_("Person involved %(number)s: description") % {"number": row},
                max_length=200,
                required=False,
                help_text=_("Optional, for example 'neighbour who objected'. No names.") if row == 1 else "",
            )
        self.order_fields(["organisation", *CaseForm.Meta.fields, *self.party_field_names()])

    @staticmethod
    def party_field_names() -> list[str]:
        return [name for row in range(1, PARTY_ROWS + 1) for name in (f"party_role_{row}", f"party_description_{row}")]

    def party_rows(self):
        """The bound role and description fields per row, for the template."""
        return [(self[f"party_role_{row}"], self[f"party_description_{row}"]) for row in range(1, PARTY_ROWS + 1)]

    def checked_field_names(self):
        return (*self.checked_fields, *(f"party_description_{row}" for row in range(1, PARTY_ROWS + 1)))

    def clean(self):
        cleaned = super().clean()
        for row in range(1, PARTY_ROWS + 1):
            if cleaned.get(f"party_description_{row}") and not cleaned.get(f"party_role_{row}"):
                self.add_error(f"party_role_{row}", _("Choose the role this description belongs to."))
        if "organisation" in self.errors and self.fields["organisation"].widget.is_hidden:
            self.add_error(None, _("You cannot register a case for this organisation."))
        return cleaned

    def parties(self) -> list[tuple[str, str]]:
        rows = []
        for row in range(1, PARTY_ROWS + 1):
            role = self.cleaned_data.get(f"party_role_{row}")
            if role:
                rows.append((role, self.cleaned_data.get(f"party_description_{row}", "")))
        return rows


class PartyForm(PersonalDataCheck, forms.Form):
    checked_fields = ("description",)

    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("", _("Choose a role")), *PartyRole.choices],
        error_messages={"required": _("Choose the role of the person involved.")},
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=200,
        required=False,
        help_text=_("Optional, for example 'neighbour who objected'. No names."),
    )


class AssignForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Member"),
        queryset=get_user_model().objects.none(),
        empty_label=_("Choose a member"),
        error_messages={
            "required": _("Choose the member to assign."),
            "invalid_choice": _("Choose an active member of the case's organisation."),
        },
    )
    role = forms.ChoiceField(label=_("Works on the case as"), choices=AssignmentRole.choices)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = members
        self.fields["user"].label_from_instance = lambda user: user.get_full_name() or user.email
