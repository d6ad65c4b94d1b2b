from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PersonalDataCheck
from protocols.models import ChecklistRun

NO_PERSONAL_DATA = _(
    "Do not enter personal data of citizens or colleagues (no names, addresses or citizen service numbers). "
    "Use an internal case number if you need a reference."
)


class ChecklistForm(PersonalDataCheck, forms.ModelForm):
    # Private to the member, yet kept for months: a warning before a citizen's details are stored in it.
    checked_fields = ("label", "notes")

    class Meta:
        model = ChecklistRun
        fields = ["label", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"notes": NO_PERSONAL_DATA}


class SuitabilityForm(forms.Form):
    """One group of radio buttons per question; keys, not database ids, so links stay valid across edits."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[question.key] = forms.ChoiceField(
                label=question.text,
                help_text=question.help,
                choices=[(option.key, option.label) for option in question.options.all()],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer to this question."),
                    "invalid_choice": _("Choose one of the answers offered."),
                },
            )

    def answers(self) -> dict[str, str]:
        """What was answered so far, valid or not yet complete: the evaluation names what is missing."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return {key: value for key, value in data.items() if value}


class SaveResultForm(forms.Form):
    label = forms.CharField(label=_("Label"), max_length=80, required=False, help_text=NO_PERSONAL_DATA)
