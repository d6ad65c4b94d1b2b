"""The coordinators' forms: the organisation's assumptions and benchmark choice, and granting management access."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from measurement.organisation import MAX_NORM_HOURS, MIN_NORM_HOURS, grantable_members


class SettingsForm(forms.Form):
    use_required_attribute = False

    formal_procedure_hours = forms.DecimalField(
        label=_("Hours one formal procedure takes"),
        required=False,
        min_value=MIN_NORM_HOURS,
        max_value=MAX_NORM_HOURS,
        max_digits=6,
        decimal_places=1,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=_(
            "Your own estimate of the hours one formal objection or complaint procedure costs the organisation "
            "(hearing, advice, decision), from 1 to 500, one decimal at most. The dashboard multiplies it by the "
            "cases resolved informally to estimate the hours saved, and says so. Leave it empty to show no estimate."
        ),
        error_messages={
            "invalid": _("Enter a number of hours, such as 12 or 12.5."),
            "min_value": _("Give at least %(limit_value)s hour."),
            "max_value": _("Give at most %(limit_value)s hours."),
            "max_decimal_places": _("Give at most one decimal."),
            "max_digits": _("Give at most 500 hours."),
            "max_whole_digits": _("Give at most 500 hours."),
        },
    )
    named_in_benchmark = forms.BooleanField(
        label=_("Show our figures under our name to the other organisations of our networks"),
        required=False,
        help_text=_(
            "With this, the coordinators and management of the other organisations in your regional networks see a "
            "column with your organisation's name and figures in their benchmark (each figure only when it is made "
            "from enough cases). Without it, your figures only count inside the average of the others, and only "
            "when that average cannot be traced back to you. You can change this at any time."
        ),
    )


class AccessForm(forms.Form):
    member = forms.ModelChoiceField(
        label=_("Member"),
        queryset=get_user_model().objects.none(),
        help_text=_("An active member of your organisation who is not a coordinator."),
        error_messages={
            "required": _("Choose a member."),
            "invalid_choice": _(
                "Choose an active member of your organisation who is not a coordinator and has no access yet."
            ),
        },
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = grantable_members(organisation)
        self.fields["member"].label_from_instance = lambda user: user.get_full_name() or user.email
