"""Forms of the mediator profile, the coordinator's screens and the personal-data check their free text gets."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, Organisation, User
from core.personal_data import passages, passages_digest
from pool.choices import ConflictKind, Domain, Language
from pool.models import MediatorProfile

MAX_CAPACITY = 20


def expertise_fields() -> dict[str, forms.Field]:
    """The three checkbox lists a profile and an external mediator share (stored as Expertise rows)."""
    return {
        "domains": forms.MultipleChoiceField(
            label=_("Policy domains"),
            choices=Domain.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        ),
        "conflict_kinds": forms.MultipleChoiceField(
            label=_("Kinds of conflict"),
            choices=ConflictKind.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        ),
        "languages": forms.MultipleChoiceField(
            label=_("Languages you mediate in"),
            choices=Language.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        ),
    }


class PersonalDataCheckMixin:
    """Runs the personal-data detector over `checked_fields`: what it finds must be taken out or confirmed.

    The confirmation holds only for the passages that were shown (their digest travels in a hidden field), so text
    added afterwards is checked again.
    """

    checked_fields: tuple[str, ...] = ()

    def add_personal_data_fields(self) -> None:
        self.fields["confirm_findings"] = forms.BooleanField(
            label=_("I have checked these passages: they are not personal data of someone else."), required=False
        )
        self.fields["findings_seen"] = forms.CharField(widget=forms.HiddenInput, required=False)
        # The confirmation box only shows once there is something to confirm.
        self.fields["confirm_findings"].widget = forms.HiddenInput()
        self.findings: list[dict] = []

    def check_personal_data(self, cleaned: dict) -> None:
        texts = [
            (name, self.fields[name].label, self.data.get(self.add_prefix(name), "")) for name in self.checked_fields
        ]
        self.findings = passages(texts)
        if self.findings:
            self.fields["confirm_findings"].widget = forms.CheckboxInput()
        digest = passages_digest(self.findings)
        confirmed = cleaned.get("confirm_findings") and self.data.get(self.add_prefix("findings_seen")) == digest
        if self.findings and not confirmed:
            self.add_error(
                "confirm_findings",
                _(
                    "The text may contain personal data (see the passages above). Remove it, or confirm that you "
                    "checked these passages and they are not personal data."
                ),
            )
        data = self.data.copy()
        data[self.add_prefix("findings_seen")] = digest
        if not confirmed:
            data.pop(self.add_prefix("confirm_findings"), None)
        self.data = data


class ProfileForm(PersonalDataCheckMixin, forms.ModelForm):
    checked_fields = ("introduction", "registrations")

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_("The organisation you mediate for. Its coordinator confirms that you may be lent out."),
    )
    capacity_per_quarter = forms.IntegerField(
        label=_("Lent cases per quarter"),
        min_value=0,
        max_value=MAX_CAPACITY,
        initial=1,
        help_text=_("How many cases of other organisations you can take per quarter (0 to 20)."),
    )
    available_from = forms.DateField(
        label=_("Not available until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty when you are available now."),
    )

    class Meta:
        model = MediatorProfile
        fields = [
            "kind",
            "organisation",
            "region",
            "register_number",
            "registrations",
            "phone",
            "capacity_per_quarter",
            "available_from",
            "introduction",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "registrations": forms.Textarea(attrs={"rows": 3}),
            "introduction": forms.Textarea(attrs={"rows": 5}),
        }
        labels = {"kind": _("What kind of mediator are you?")}
        help_texts = {
            "introduction": _(
                "A few sentences for colleagues: your background and how you work. Do not name citizens or colleagues."
            ),
            "phone": _("Shown to colleagues of your organisation, and to the other party once a loan is approved."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(
            pk__in=Membership.objects.active().filter(user=user).values("organisation")
        ).order_by("name")
        self.fields["organisation"].queryset = organisations
        self.fields["kind"].choices = [(value, label) for value, label in self.fields["kind"].choices if value]
        fields = expertise_fields()
        for name, field in fields.items():
            self.fields[name] = field
        self.order_fields(
            ["kind", "organisation", "domains", "conflict_kinds", "languages", "region", "register_number"]
        )
        self.add_personal_data_fields()
        if not self.instance.pk and not self.is_bound:
            chosen = list(organisations[:2])
            if len(chosen) == 1:
                self.initial["organisation"] = chosen[0].pk
            if chosen:
                self.initial.setdefault("region", chosen[0].region)

    def clean(self):
        cleaned = super().clean()
        self.check_personal_data(cleaned)
        return cleaned


class ConsentDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", "confirm"), ("refuse", "refuse")])


class RequesterForm(forms.Form):
    member = forms.ModelChoiceField(
        label=_("Member"),
        queryset=User.objects.none(),
        help_text=_("Coordinators may always ask the networks; choose a colleague who may ask too."),
        error_messages={"invalid_choice": _("Choose an active member of your organisation.")},
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        active = Membership.objects.active().filter(organisation=organisation)
        self.fields["member"].queryset = (
            User.objects.filter(pk__in=active.exclude(role=Membership.Role.COORDINATOR).values("user"))
            .exclude(pool_requester_rights__organisation=organisation)
            .order_by("last_name", "first_name", "email")
        )
        self.fields["member"].label_from_instance = lambda user: user.get_full_name() or user.email
