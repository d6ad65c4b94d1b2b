"""Forms of the worksheet's three steps, the invitation and the comment.

Rows (stakeholders, options) are plain formsets, not model formsets: a save replaces a worksheet's rows as a whole,
so an autosave never needs to learn row ids back and a half-typed new row can never be stored twice.
"""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, User, normalise_email
from core.forms import PersonalDataCheck
from knowledge.dilemmas.models import SCORE_CHOICES, ValueType, Worksheet

MAX_STAKEHOLDERS = 30
MAX_OPTIONS = 12

PERSONAL_DATA_REMINDER = _(
    "Do not enter personal data of citizens or colleagues: no names, addresses, phone numbers or citizen "
    "service numbers. Describe people by their role (“the resident”, “the team leader”)."
)


class RowFormSet(forms.BaseFormSet):
    """A formset whose forms left completely empty are simply no row."""

    def rows(self, skip_index=None) -> list[dict]:
        return [
            form.cleaned_data
            for index, form in enumerate(self.forms)
            if index != skip_index and form.cleaned_data and any(form.cleaned_data.values())
        ]


class StakeholderForm(forms.Form):
    name = forms.CharField(label=_("Stakeholder"), max_length=200, required=False)
    interests = forms.CharField(
        label=_("Interests"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("What matters to them, and what they stand to gain or lose."),
    )

    def clean(self):
        data = super().clean()
        if data.get("interests") and not data.get("name"):
            self.add_error("name", _("Name the stakeholder whose interests these are (a role, not a person)."))
        return data


class OptionForm(forms.Form):
    title = forms.CharField(label=_("Option"), max_length=200, required=False)
    description = forms.CharField(
        label=_("What it means"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value_type, label in ValueType.choices:
            self.fields[f"score_{value_type}"] = forms.TypedChoiceField(
                label=format_lazy("{} – {}", _("Score"), label),
                choices=[("", _("not weighed yet")), *SCORE_CHOICES],
                coerce=int,
                empty_value=None,
                required=False,
                error_messages={"invalid_choice": _("Choose a score from −2 to +2.")},
            )
            self.fields[f"reason_{value_type}"] = forms.CharField(
                label=format_lazy("{} – {}", _("Reason"), label),
                max_length=2000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def value_fields(self):
        """(value type label, score field, reason field) per value type, for the template."""
        return [
            (label, self[f"score_{value_type}"], self[f"reason_{value_type}"])
            for value_type, label in ValueType.choices
        ]

    def clean(self):
        data = super().clean()
        if any(value not in (None, "") for value in data.values()) and not data.get("title"):
            self.add_error("title", _("Give this option a short name."))
        return data


StakeholderFormSet = forms.formset_factory(
    StakeholderForm, formset=RowFormSet, extra=0, max_num=MAX_STAKEHOLDERS, validate_max=True
)
OptionFormSet = forms.formset_factory(OptionForm, formset=RowFormSet, extra=0, max_num=MAX_OPTIONS, validate_max=True)


class InventoryForm(forms.ModelForm):
    class Meta:
        model = Worksheet
        fields = ["title", "context", "rules"]
        widgets = {"context": forms.Textarea(attrs={"rows": 6}), "rules": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "title": _("A short description of the dilemma, without names."),
            "context": _("What is going on, who asked what, and why this is a dilemma rather than a routine case."),
            "rules": _("Laws, policy rules, internal rules and agreements that apply, and what they require."),
        }
        error_messages = {"title": {"required": _("Give the dilemma a short title.")}}


class WeighingForm(forms.ModelForm):
    class Meta:
        model = Worksheet
        fields = ["conclusion", "advice"]
        widgets = {"conclusion": forms.Textarea(attrs={"rows": 4}), "advice": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "conclusion": _("Which option weighs heaviest, and what does it cost?"),
            "advice": _("What you advise the person who decides, in a few sentences."),
        }


class PersonalForm(forms.ModelForm):
    class Meta:
        model = Worksheet
        fields = ["personal_perspective"]
        widgets = {"personal_perspective": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "personal_perspective": _(
                "How does this dilemma affect you personally? What do you need to stand behind the decision?"
            )
        }


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the colleague"),
        help_text=_("They must be a member of the platform. They can read this worksheet and comment on it."),
        error_messages={"invalid": _("Enter a valid e-mail address."), "required": _("Enter an e-mail address.")},
    )

    def __init__(self, *args, worksheet, **kwargs):
        super().__init__(*args, **kwargs)
        self.worksheet = worksheet

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        active = Membership.objects.active().filter(user=OuterRef("pk"))
        invitee = User.objects.filter(Exists(active), email__iexact=email, is_active=True).first()
        if invitee is None:
            raise forms.ValidationError(_("No member of the platform uses this address. Only members can be invited."))
        if invitee.pk == self.worksheet.owner_id:
            raise forms.ValidationError(_("This is your own address."))
        if self.worksheet.invitations.filter(invitee=invitee).exists():
            raise forms.ValidationError(_("This colleague has already been invited."))
        self.cleaned_data["invitee"] = invitee
        return email


class CommentForm(PersonalDataCheck, forms.Form):
    # Invited colleagues read the comments: the same confirmable check as every other free text.
    checked_fields = ("text",)

    text = forms.CharField(
        label=_("Your comment"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a comment first.")},
    )
