"""Forms of the coordinators' side: the retention period and the filter of the audit log."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cases.choices import EventAction
from cases.services.organisation import MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS


class SettingsForm(forms.Form):
    use_required_attribute = False

    retention_months = forms.IntegerField(
        label=_("Keep closed cases for (months)"),
        min_value=MIN_RETENTION_MONTHS,
        max_value=MAX_RETENTION_MONTHS,
        help_text=_("From 1 to 120 months. After this period a closed case is reduced to its statistics."),
        error_messages={
            "required": _("Enter the number of months."),
            "invalid": _("Enter a whole number of months."),
            "min_value": _("Choose at least %(limit_value)s month."),
            "max_value": _("Choose at most %(limit_value)s months."),
        },
    )


class LogFilterForm(forms.Form):
    """What the organisation's log shows: one kind of action, one person, or everything."""

    action = forms.ChoiceField(label=_("What"), required=False)
    person = forms.ModelChoiceField(
        label=_("Who"), required=False, queryset=get_user_model().objects.none(), empty_label=_("Everybody")
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("Every action")), *EventAction.choices]
        self.fields["person"].queryset = people
