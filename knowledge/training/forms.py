"""Forms of the training pages: catalogue filters and the coordinator's trajectory formset."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from knowledge.training.models import Audience, TrainingFormat, TrajectoryStepStatus
from knowledge.training.steps import STEP_CHOICES


class CatalogueFilterForm(forms.Form):
    """GET filters of the catalogue. An unknown value is reported and ignored; the other filters still apply."""

    audience = forms.ChoiceField(label=_("Audience"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    language = forms.ChoiceField(label=_("Language of the session"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("All"))]
        self.fields["audience"].choices = anything + list(Audience.Key.choices)
        self.fields["format"].choices = anything + list(TrainingFormat.choices)
        self.fields["language"].choices = anything + list(settings.LANGUAGES)
        self.fields["tag"].choices = anything + [(tag.slug, tag.name) for tag in tags]

    def filters(self) -> dict:
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


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
