"""Forms of the mediation route: the mediator, an official and their mandate, a step, a meeting, closing the case
and its hours.

The mandate and the short record are free text about people, so the personal-data detector reads them; a finding
can be confirmed as not personal data (the case stays within the organisation), as everywhere in the register.
"""

from decimal import Decimal

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import HoursRole, MediatorSource, MeetingKind, Outcome, PartyRole, RouteStep
from cases.services.route import REACHABLE_STEPS, external_mediators, internal_mediators, pool_loans
from core.forms import PersonalDataCheck

DATE_WIDGET = {"type": "date"}
CONFIRM_LABEL = _("I have checked these passages: they are not personal data.")


def _date_field(label, **kwargs):
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d"),
        error_messages={"required": _("Enter a date."), "invalid": _("Enter a valid date.")},
        **kwargs,
    )


def loan_label(loan) -> str:
    """ "<mediator> (<lending organisation>) via <network>, request <title>"."""
    mediator = loan.mediator.user.get_full_name() if loan.mediator else ""
    who = f"{mediator} ({loan.lending_organisation})" if mediator else str(loan.lending_organisation)
    return _("%(who)s via %(network)s, request %(title)s") % {
        "who": who,
        "network": loan.network,
        "title": loan.request.title,
    }


class LoanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return loan_label(obj)


class ProfileChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.user.get_full_name() or obj.user.email


class MediationForm(forms.Form):
    started_on = _date_field(_("Mediation started on"))
    source = forms.ChoiceField(
        label=_("The mediator"),
        choices=MediatorSource.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where the mediator comes from.")},
    )
    mediator_profile = ProfileChoiceField(
        label=_("Internal mediator"), queryset=None, required=False, empty_label=_("Choose a mediator")
    )
    loan = LoanChoiceField(
        label=_("Mediator from the regional pool"),
        queryset=None,
        required=False,
        empty_label=_("Choose an approved loan"),
    )
    external_mediator = forms.ModelChoiceField(
        label=_("External mediator"), queryset=None, required=False, empty_label=_("Choose an external mediator")
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["mediator_profile"].queryset = internal_mediators(case)
        self.fields["loan"].queryset = pool_loans(case)
        self.fields["external_mediator"].queryset = external_mediators(case)
        if not self.is_bound:
            self.initial.setdefault("started_on", case.mediation_started_on or timezone.localdate())
            self.initial.setdefault("source", case.mediator_source or None)
            self.initial.setdefault("mediator_profile", case.mediator_profile_id)
            self.initial.setdefault("loan", case.loan_id)
            self.initial.setdefault("external_mediator", case.external_mediator_id)

    def clean(self):
        cleaned = super().clean()
        started_on = cleaned.get("started_on")
        if started_on and started_on < self.case.received_on:
            self.add_error(
                "started_on",
                _("The mediation cannot start before the case was received (%(date)s).")
                % {"date": formats.date_format(self.case.received_on, "DATE_FORMAT")},
            )
        source = cleaned.get("source")
        needed = {
            MediatorSource.INTERNAL: ("mediator_profile", _("Choose one of your organisation's own mediators.")),
            MediatorSource.POOL: ("loan", _("Choose an approved loan of a mediator from the pool.")),
            MediatorSource.EXTERNAL: ("external_mediator", _("Choose one of your organisation's external mediators.")),
        }
        if source in needed:
            field, message = needed[source]
            if not cleaned.get(field) and field not in self.errors:
                self.add_error(field, message)
        return cleaned


class OfficialForm(PersonalDataCheck, forms.Form):
    checked_fields = ("mandate",)
    confirm_label = CONFIRM_LABEL

    role = forms.ChoiceField(label=_("Role"), choices=PartyRole.choices, initial=PartyRole.TEAM_LEADER)
    mandate = forms.CharField(
        label=_("Mandate"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What this official may decide or agree to at the table, for example 'may adjust the permit conditions "
            "within the policy rules'. A role, never a name."
        ),
        error_messages={"required": _("Describe the mandate the official brings to the table.")},
    )


class StepForm(forms.Form):
    step = forms.ChoiceField(
        label=_("Step"),
        choices=[(step, RouteStep(step).label) for step in REACHABLE_STEPS],
        error_messages={
            "required": _("Choose a step of the route."),
            "invalid_choice": _("Choose a step of the route."),
        },
    )
    reached_on = _date_field(_("Reached on"), initial=timezone.localdate)

    def __init__(self, *args, reached=(), **kwargs):
        # Prefixed: it sits on the case page among the other sections' forms, whose ids must not collide.
        kwargs.setdefault("prefix", "route")
        super().__init__(*args, **kwargs)
        open_steps = [(step, RouteStep(step).label) for step in REACHABLE_STEPS if step not in reached]
        if open_steps and not self.is_bound:
            self.fields["step"].choices = open_steps


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=MeetingKind.choices, widget=forms.RadioSelect, initial=MeetingKind.PRE_MEETING
    )
    held_on = _date_field(_("Date"), initial=timezone.localdate)
    with_role = forms.ChoiceField(
        label=_("With"),
        choices=[("", "—"), *PartyRole.choices],
        required=False,
        help_text=_("For a pre-meeting: with whom."),
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"),
        required=False,
        min_value=1,
        max_value=600,
        initial=90,
        help_text=_("A mediation meeting usually takes about an hour and a half."),
        error_messages={
            "invalid": _("Enter the duration as a whole number of minutes."),
            "min_value": _("Enter a duration of at least one minute."),
            "max_value": _("Enter at most 600 minutes."),
        },
    )
    supporter_present = forms.BooleanField(label=_("The citizen brought a supporter (bisidder)"), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == MeetingKind.PRE_MEETING and not cleaned.get("with_role"):
            self.add_error("with_role", _("Say with whom the pre-meeting was held."))
        return cleaned


def _hours_field(label):
    field = forms.DecimalField(
        label=label,
        required=False,
        localize=True,
        max_digits=6,
        decimal_places=2,
        min_value=Decimal("0"),
        max_value=Decimal("1000"),
        error_messages={
            "invalid": _("Enter the hours as a number, for example 6 or 7.5."),
            "min_value": _("Enter 0 hours or more."),
            "max_value": _("Enter at most 1000 hours."),
            "max_digits": _("Enter at most 1000 hours."),
            "max_decimal_places": _("Use at most two decimals."),
        },
    )
    field.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off"})
    return field


class HoursForm(forms.Form):
    """One field per role whose time counts; empty or 0 means none."""

    def __init__(self, *args, hours=None, **kwargs):
        super().__init__(*args, **kwargs)
        for role, label in HoursRole.choices:
            self.fields[role] = _hours_field(label)
        if not self.is_bound and hours:
            for row in hours:
                self.initial[row.role] = row.hours

    def hours(self) -> dict[str, Decimal | None]:
        return {role: self.cleaned_data.get(role) for role in HoursRole.values}


class CloseForm(PersonalDataCheck, forms.Form):
    checked_fields = ("record",)
    confirm_label = CONFIRM_LABEL

    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the outcome.")},
    )
    closed_on = _date_field(_("Closed on"))
    agreement_written = forms.TypedChoiceField(
        label=_("Was the agreement put in writing?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Only when an agreement was reached."),
    )
    record_agreed = forms.BooleanField(label=_("The parties want a short record"), required=False)
    record = forms.CharField(
        label=_("Short record"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Only if the parties agreed to one: what was agreed, in general terms, without names."),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        if not self.is_bound:
            self.initial.setdefault("closed_on", timezone.localdate())
            self.initial.setdefault("record_agreed", case.record_agreed)
            self.initial.setdefault("record", case.record)

    def clean(self):
        cleaned = super().clean()
        closed_on = cleaned.get("closed_on")
        if closed_on and closed_on < self.case.received_on:
            self.add_error(
                "closed_on",
                _("A case cannot be closed before the date it was received (%(date)s).")
                % {"date": formats.date_format(self.case.received_on, "DATE_FORMAT")},
            )
        if cleaned.get("outcome") == Outcome.AGREEMENT:
            if cleaned.get("agreement_written") is None and "agreement_written" not in self.errors:
                self.add_error("agreement_written", _("Say whether the agreement was put in writing."))
        else:
            cleaned["agreement_written"] = None
        if (cleaned.get("record") or "").strip() and not cleaned.get("record_agreed"):
            self.add_error(
                "record", _("Keep a short record only when the parties want one: tick that box, or leave it empty.")
            )
        return cleaned
