"""The coordinator's trajectory formset (the catalogue's filters are in queries.py, next to the query they filter)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from knowledge.training.models import TrajectoryStepStatus
from knowledge.training.steps import STEP_CHOICES


class TrajectoryStepForm(forms.Form):
    step = forms.ChoiceField(choices=STEP_CHOICES, widget=forms.HiddenInput)
    approach = forms.ChoiceField(label=_("Approach"), choices=TrajectoryStepStatus.Approach.choices)
    status = forms.ChoiceField(label=_("Status"), choices=TrajectoryStepStatus.Progress.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


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
