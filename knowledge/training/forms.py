"""The coordinator's trajectory formset (the catalogue's filters are in queries.py, next to the query they filter).

The provider names the firm or trainer an outsourced step is bought from: a supplier in its business role, which is
what the field asks for, so it does not go through the personal-data detector (which would flag every trainer's
name and turn the confirmation into a routine click). The trajectory is read by the organisation's members only.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knowledge.training.models import TrajectoryStepStatus
from knowledge.training.steps import STEP_CHOICES

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TrajectoryStepForm(forms.Form):
    step = forms.ChoiceField(choices=STEP_CHOICES, widget=forms.HiddenInput)
    approach = forms.ChoiceField(
        label=_("Approach"),
        choices=TrajectoryStepStatus.Approach.choices,
        initial=TrajectoryStepStatus.Approach.NOT_DECIDED,
    )
    provider = forms.CharField(
        label=_("Provider"),
        required=False,
        max_length=200,
        help_text=_("Only for an outsourced step: the firm or trainer that carries it out."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=TrajectoryStepStatus.Progress.choices,
        initial=TrajectoryStepStatus.Progress.NOT_STARTED,
    )
    planned_on = forms.DateField(label=_("Planned for"), required=False, widget=DATE_WIDGET)
    done_on = forms.DateField(
        label=_("Done on"), required=False, widget=DATE_WIDGET, help_text=_("Only for a step that is done.")
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        approach, status = cleaned.get("approach"), cleaned.get("status")
        # Refused rather than cleared: the coordinator sees what would be dropped and decides.
        if cleaned.get("provider") and approach and approach != TrajectoryStepStatus.Approach.OUTSOURCED:
            self.add_error(
                "provider",
                _("A provider belongs to an outsourced step: choose “Outsourced” or leave the provider empty."),
            )
        done_on = cleaned.get("done_on")
        if done_on and status and status != TrajectoryStepStatus.Progress.DONE:
            self.add_error("done_on", _("A date done belongs to a step that is done: choose “Done” or clear the date."))
        elif done_on and done_on > timezone.localdate():
            self.add_error("done_on", _("The date done cannot be in the future."))
        return cleaned


class BaseTrajectoryFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        steps = [form.cleaned_data.get("step") for form in self.forms]
        if len(steps) != len(set(steps)):
            raise ValidationError(_("Each step can be recorded only once."))


TrajectoryFormSet = forms.formset_factory(
    TrajectoryStepForm, formset=BaseTrajectoryFormSet, extra=0, max_num=len(STEP_CHOICES), validate_max=True
)
