"""Forms of the mediator profile and the coordinator's screens (free text goes through the personal-data check)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, Organisation, User
from core.forms import PersonalDataCheck
from pool.choices import ConflictKind, Domain, Language
from pool.models import MediatorProfile

MAX_CAPACITY = 20
# What a mediator or coordinator confirms about passages the detector found in an introduction or contract notes.
CONFIRM_LABEL = _("I have checked these passages: they are not personal data of someone else.")


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


class ProfileForm(PersonalDataCheck, forms.ModelForm):
    checked_fields = ("introduction", "registrations")
    confirm_label = CONFIRM_LABEL

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
        if not self.instance.pk and not self.is_bound:
            chosen = list(organisations[:2])
            if len(chosen) == 1:
                self.initial["organisation"] = chosen[0].pk
            if chosen:
                self.initial.setdefault("region", chosen[0].region)


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
