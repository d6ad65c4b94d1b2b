"""Forms for working a case: a contact, the informal approach (BIA), the protocol to follow, and the organisation's
letter template.

Every free-text field runs through the personal-data detector (`PersonalDataCheck`, confirmable): a case holds roles,
never a citizen's name, address, number or contact details; a finding blocks saving until the person confirms the
passage is not personal data. Nothing typed is lost when a form comes back with an error.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import letters
from cases.choices import Channel, ObjectionResult, PartyRole
from cases.models import Contact, InformalApproach
from cases.queries.work import REMAINING_LABELS, RESULT_CHOICES, RESULT_LABELS
from core.forms import PersonalDataCheck

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PERSONAL_DATA_REMINDER = _(
    "Write roles, not names: 'the citizen', 'their lawyer', 'the team leader'. No addresses, phone numbers, e-mail "
    "addresses or citizen service numbers: those stay in your own case system."
)


class ContactForm(PersonalDataCheck, forms.ModelForm):
    checked_fields = ("summary", "next_step")

    class Meta:
        model = Contact
        fields = ["happened_on", "channel", "with_role", "summary", "next_step", "next_step_due"]
        widgets = {
            "happened_on": DATE_WIDGET,
            "next_step_due": DATE_WIDGET,
            "summary": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "summary": _("What was discussed, in a few sentences. Roles, not names."),
            "next_step": _("Optional: what happens next, for example 'send the confirmation letter'."),
            "next_step_due": _("Optional: the date the next step should be done by."),
        }
        error_messages = {
            "happened_on": {"required": _("Enter the date of the contact."), "invalid": _("Enter a valid date.")},
            "next_step_due": {"invalid": _("Enter a valid date.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = Channel.choices
        self.fields["with_role"].choices = PartyRole.choices

    def clean_happened_on(self):
        happened_on = self.cleaned_data["happened_on"]
        if happened_on > timezone.localdate():
            raise forms.ValidationError(_("The date of the contact cannot be in the future."))
        return happened_on

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("next_step_due") and not (cleaned.get("next_step") or "").strip():
            self.add_error("next_step", _("Say what the next step is, or leave its date empty."))
        return cleaned

    def _post_clean(self):
        # The service saves; the form has said what is wrong.
        pass

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class InformalForm(PersonalDataCheck, forms.ModelForm):
    checked_fields = ("agreements", "actions", "remaining")

    class Meta:
        model = InformalApproach
        fields = ["called_on", "agreements", "actions", "result", "remaining"]
        widgets = {
            "called_on": DATE_WIDGET,
            "agreements": forms.Textarea(attrs={"rows": 6}),
            "actions": forms.Textarea(attrs={"rows": 4}),
            "remaining": forms.Textarea(attrs={"rows": 3}),
            "result": forms.RadioSelect,
        }
        help_texts = {
            "agreements": _("What you agreed in the call. This text goes into the confirmation letter."),
            "actions": _("One action per line, for example 'The handler sends the new decision by 1 March'."),
        }
        error_messages = {
            "called_on": {"required": _("Enter the date of the call."), "invalid": _("Enter a valid date.")},
            "agreements": {"required": _("Say what was agreed.")},
            "result": {"required": _("Choose what became of it.")},
        }

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        group = letters.kind_group(kind)
        self.fields["result"].choices = RESULT_CHOICES[group]
        self.fields["result"].label = RESULT_LABELS[group]
        self.fields["remaining"].label = REMAINING_LABELS[group]
        self.fields["remaining"].help_text = _("Required when it is partly withdrawn: what is still to be decided.")

    def clean_called_on(self):
        called_on = self.cleaned_data["called_on"]
        if called_on > timezone.localdate():
            raise forms.ValidationError(_("The date of the call cannot be in the future."))
        return called_on

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("result") == ObjectionResult.PARTLY_WITHDRAWN
            and not (cleaned.get("remaining") or "").strip()
            and "remaining" not in self.errors
        ):
            self.add_error("remaining", _("Say what remains when it is only partly withdrawn."))
        return cleaned

    def _post_clean(self):
        pass

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ProtocolForm(forms.Form):
    protocol = forms.ModelChoiceField(
        label=_("Protocol"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a protocol."),
            "invalid_choice": _("This protocol cannot be chosen. Choose one from the list."),
        },
    )

    def __init__(self, *args, protocols, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["protocol"].queryset = protocols
        self.fields["protocol"].label_from_instance = lambda page: page.title


class LetterTemplateForm(PersonalDataCheck, forms.Form):
    checked_fields = ("body",)

    body = forms.CharField(
        label=_("Letter text"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 24}),
        error_messages={
            "required": _("Write the letter text, or go back to the default wording."),
            "max_length": _("Keep the letter text to at most %(limit_value)d characters (it has %(show_value)d)."),
        },
    )

    def clean_body(self):
        body = self.cleaned_data["body"]
        unknown, stray = letters.template_problems(body)
        problems = []
        if unknown:
            problems.append(
                forms.ValidationError(
                    _("Unknown placeholders: %(names)s. Use only the placeholders listed below."),
                    params={"names": ", ".join("{" + name + "}" for name in unknown)},
                )
            )
        if stray:
            problems.append(
                forms.ValidationError(
                    _("A brace opens or closes no placeholder. Write {{ or }} for a brace in the text itself.")
                )
            )
        if problems:
            raise forms.ValidationError(problems)
        return body
