"""Forms of shared experiences: the guided submission form, the moderators' decision and redaction forms, and the
author's withdrawal (the index filters are in queries.py)."""

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from taggit.utils import parse_tags

from accounts.models import Membership, Organisation
from core.forms import PersonalDataCheck
from core.personal_data import passages
from knowledge.experiences.models import REDACTABLE_FIELDS, ExperienceSubmission, Outcome, Setting

# The parts of the guided form, in order: (key, heading, explanation, field names).
PARTS = [
    (
        "case",
        _("The case"),
        _("Describe the kind of case in general terms. Nobody should be able to tell who was involved."),
        ["title", "setting", "case_kind", "organisation", "show_organisation"],
    ),
    (
        "story",
        _("What happened"),
        _(
            "Tell the course of events without names, addresses, case numbers or exact dates. Write 'the resident', "
            "'the team leader', 'in the spring' instead."
        ),
        ["what_happened"],
    ),
    (
        "approach",
        _("Approach and outcome"),
        _("What did you (and the others) do, and how did it end?"),
        ["approach", "outcome"],
    ),
    (
        "lessons",
        _("Lessons learned"),
        _("What would you tell a colleague who meets a similar case?"),
        ["lessons", "tags", "related_protocols"],
    ),
    (
        "audience",
        _("Who may read it"),
        _(
            "Choose who can read your experience once it is published. A moderator may publish it for members only, "
            "never more openly than you chose."
        ),
        ["members_only"],
    ),
]

AUDIENCE_CHOICES = [
    ("False", _("Everyone: it is published openly on the web")),
    ("True", _("Members only: people who are logged in as members of a verified organisation")),
]


def audience_field(**kwargs) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=_("Readers"),
        choices=AUDIENCE_CHOICES,
        coerce=lambda value: value == "True",
        empty_value=False,
        required=False,
        widget=forms.RadioSelect,
        **kwargs,
    )


def clean_tag_list(value: str) -> str:
    tags = parse_tags(value or "")
    if any(len(tag) > 50 for tag in tags):
        raise ValidationError(_("A tag can be at most 50 characters long."))
    if len(tags) > 8:
        raise ValidationError(_("Use at most 8 tags."))
    return ", ".join(tags)


CHECKLIST = [
    ("no_names", _("There are no names of citizens, colleagues or other people involved in the text.")),
    ("no_contact", _("There are no addresses, phone numbers, e-mail addresses, case numbers or citizen numbers.")),
    ("no_dates", _("There are no dates or periods that make the case recognisable; I used general terms instead.")),
    (
        "no_details",
        _("There are no details (health, family situation, a rare profession) that point to one person."),
    ),
    (
        "organisation",
        _("My organisation is hidden if naming it could make the citizen or colleague recognisable."),
    ),
]

# Free-text fields the personal-data detector reads.
CHECKED_FIELDS = ("title", "case_kind", "what_happened", "approach", "lessons", "tags")


def findings_for(data: dict, labels: dict) -> list[dict]:
    """Detector findings in the checked fields of `data`, labelled with `labels`."""
    return passages((name, labels[name], data.get(name)) for name in CHECKED_FIELDS)


class SubmissionForm(PersonalDataCheck, forms.ModelForm):
    checked_fields = CHECKED_FIELDS
    confirm_label = _("I have checked these passages: they are not personal data.")

    checklist = forms.MultipleChoiceField(
        label=_("Anonymisation checklist"),
        choices=CHECKLIST,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick each statement once you have checked your text for it."),
        error_messages={"required": _("Check your text against each statement of the checklist and tick it.")},
    )
    members_only = audience_field()

    class Meta:
        model = ExperienceSubmission
        fields = [
            "title",
            "setting",
            "case_kind",
            "organisation",
            "show_organisation",
            "what_happened",
            "approach",
            "outcome",
            "lessons",
            "tags",
            "related_protocols",
            "members_only",
        ]
        widgets = {
            "setting": forms.RadioSelect,
            "outcome": forms.RadioSelect,
            "what_happened": forms.Textarea(attrs={"rows": 8}),
            "approach": forms.Textarea(attrs={"rows": 6}),
            "lessons": forms.Textarea(attrs={"rows": 5}),
            "related_protocols": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "title": _("A short, general title, such as 'Objection to a refused permit settled by phone'."),
            "case_kind": _("For example: objection to a permit, complaint about treatment, team conflict."),
            "what_happened": _("Anonymised: no names, addresses, case numbers or dates that identify anyone."),
            "approach": _("Who took part, which steps you took, what helped and what did not."),
            "lessons": _("What you would do again, and what differently."),
            "tags": _("A few keywords separated by commas, such as: objection, calling after objection."),
            "organisation": _("Used by the moderators. It is shown on the page only if you tick the box below."),
            "show_organisation": _("Leave this off when the organisation name could identify the people involved."),
        }

    def __init__(self, *args, user, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["setting"].choices = Setting.choices
        self.fields["outcome"].choices = Outcome.choices
        self.fields["organisation"].queryset = Organisation.objects.filter(
            memberships__in=Membership.objects.active().filter(user=user)
        ).distinct()
        self.fields["organisation"].empty_label = _("Do not say")
        ProtocolPage = apps.get_model("protocols", "ProtocolPage")
        self.fields["related_protocols"].queryset = (
            ProtocolPage.objects.live().public().filter(locale__language_code=language).order_by("title")
        )
        self.fields["related_protocols"].label = _("Related protocols")
        self.fields["related_protocols"].help_text = _("The protocols you followed or that fit this case.")

    def parts(self):
        """The fieldsets of the guided form, with their bound fields."""
        return [
            {"key": key, "heading": heading, "help": help_text, "fields": [self[name] for name in names]}
            for key, heading, help_text, names in PARTS
        ]

    def clean_checklist(self):
        ticked = self.cleaned_data.get("checklist") or []
        if set(ticked) != {key for key, _label in CHECKLIST}:
            raise ValidationError(self.fields["checklist"].error_messages["required"])
        return ticked

    def clean_tags(self):
        return clean_tag_list(self.cleaned_data.get("tags"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("show_organisation") and not cleaned.get("organisation"):
            self.add_error("show_organisation", _("Choose the organisation to show, or leave this box unticked."))
        cleaned["findings_confirmed"] = bool(self.findings)
        return cleaned


class ReasonForm(forms.Form):
    # Several of these forms share the review page: no browser "required" styling on the empty ones before use.
    use_required_attribute = False

    reason = forms.CharField(
        label=_("Reason for the author"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, required=False, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        self.fields["reason"].help_text = help_text
        self.fields["reason"].error_messages["required"] = _("Give the author a reason.")


def add_audience_choice(form, submission) -> None:
    """The moderator's choice to publish for members only. When the author asked for members only it is fixed:
    a moderator never publishes more openly than the author chose."""
    page = getattr(submission, "page", None) if submission is not None else None
    current = bool(submission and (submission.members_only or (page is not None and page.members_only)))
    form.fields["members_only"] = forms.BooleanField(
        label=_("Publish for members only"),
        required=False,
        initial=current,
        disabled=bool(submission and submission.members_only),
        help_text=(
            _("The author asked for members only.")
            if submission and submission.members_only
            else _("The author chose everyone. Tick this when the case is better read by members only.")
        ),
    )


class RedactForm(PersonalDataCheck, ReasonForm):
    """The moderator's edit of the free text before (or after) it is published. The detector checks the edited
    text too, so a redaction that missed a detail is caught like the author's own text."""

    checked_fields = REDACTABLE_FIELDS
    confirm_label = _("I have checked these passages: they are not personal data.")

    title = forms.CharField(label=_("Title"), max_length=120)
    case_kind = forms.CharField(label=_("Kind of case"), max_length=120)
    what_happened = forms.CharField(label=_("What happened"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
    approach = forms.CharField(label=_("Approach"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    lessons = forms.CharField(label=_("Lessons learned"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    tags = forms.CharField(label=_("Tags"), max_length=200, required=False)

    field_order = [*REDACTABLE_FIELDS, "members_only", "reason"]

    def __init__(self, *args, submission, **kwargs):
        initial = {name: getattr(submission, name) for name in REDACTABLE_FIELDS}
        super().__init__(*args, initial=initial, **kwargs)
        self.submission = submission
        add_audience_choice(self, submission)
        self.order_fields(self.field_order)

    def clean_tags(self):
        return clean_tag_list(self.cleaned_data.get("tags"))

    def changed_text(self) -> dict:
        """The redactable fields whose cleaned value differs from the submission's, with the new text."""
        return {
            name: self.cleaned_data[name]
            for name in REDACTABLE_FIELDS
            if name in self.cleaned_data and self.cleaned_data[name] != getattr(self.submission, name)
        }

    def clean(self):
        cleaned = super().clean()
        page = self.submission.page
        audience_changed = page is not None and bool(cleaned.get("members_only")) != page.members_only
        if not self.errors and not self.changed_text() and not audience_changed:
            raise ValidationError(
                _("You did not change anything. Edit the text, or use another decision."), code="unchanged"
            )
        return cleaned


class WithdrawForm(forms.Form):
    """The author's confirmation. `seen` is the status the author confirmed for: if a moderator decided in the
    meantime, the withdrawal is not carried out and the author is asked to look again."""

    seen = forms.ChoiceField(choices=ExperienceSubmission.Status.choices, widget=forms.HiddenInput)
