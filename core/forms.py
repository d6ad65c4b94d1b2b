"""Form pieces every app may use: the personal-data check of free text."""

from typing import TYPE_CHECKING, cast

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from core.personal_data import passages, passages_digest

CONFIRM_LABEL = _("I have checked these passages: they are not personal data, or they may be shared here.")
CONFIRM_ERROR = _(
    "The text may contain personal data (see the passages above). Remove it, or confirm that you checked these "
    "passages and they are not personal data."
)

if TYPE_CHECKING:
    from django.http import QueryDict
    from django.utils.functional import _StrOrPromise

    _FormBase = forms.BaseForm
else:
    _FormBase = object  # a mixin: the type checker sees a form's methods, the class adds no base


class PersonalDataCheck(_FormBase):
    """Runs the personal-data detector (`core.personal_data`) over the free-text fields in `checked_fields` when the
    form is cleaned, so that a citizen's or colleague's details are not sent by accident.

    What it finds is in `findings` (`passages` rows) for `templates/includes/personal_data_findings.html`; each row's
    "field" is the field's prefixed name, so `link_fields=True` links to the field's `id_…` anchor. The check reads
    what was typed, also when other fields have errors, so the person sees every problem in one round.

    Two ways to treat findings:

    - `confirmable = True` (default): the form adds a checkbox `confirm_findings` (label `confirm_label`) and a hidden
      `findings_seen`. Findings are an error on the checkbox until it is ticked. The confirmation covers only the
      findings that were shown: their digest (`passages_digest`) goes back with the form in `findings_seen`, and a
      tick counts only when the digest sent with it matches the findings of the text sent now. So a box ticked
      without having seen the findings, or text added after the confirmation, is checked again. The checkbox is
      left out of the form's fields (`{% for field in form %}`, `visible_fields`) until there is something to
      confirm; a template that places it itself renders `form.confirm_findings` under the findings.
    - `confirmable = False`: findings are a non-field error (`blocked_message`, which the form sets: it says why the
      text cannot contain them, for example who reads it); the person takes the passages out.

    Put the mixin before the form class (`class F(PersonalDataCheck, forms.Form)`); it adds its fields at the end
    when the form is created, and runs after the form's own field cleaning (a subclass's `clean()` calls
    `super().clean()` as usual). A form whose checked fields depend on the input overrides `checked_field_names()`.
    """

    checked_fields: tuple[str, ...] = ()
    confirmable = True
    confirm_label = CONFIRM_LABEL
    confirm_error = CONFIRM_ERROR
    blocked_message: "_StrOrPromise" = ""

    def __init__(self, *args, **kwargs):
        if not self.confirmable and not self.blocked_message:
            raise ImproperlyConfigured(f"{type(self).__name__} blocks findings: give it a blocked_message.")
        super().__init__(*args, **kwargs)
        self.findings: list[dict] = []
        if self.confirmable:
            self.fields["confirm_findings"] = forms.BooleanField(label=self.confirm_label, required=False)
            self.fields["findings_seen"] = forms.CharField(widget=forms.HiddenInput, required=False)

    def __iter__(self):
        for bound_field in super().__iter__():
            if bound_field.name != "confirm_findings" or self.findings:
                yield bound_field

    def checked_field_names(self):
        return self.checked_fields

    def clean(self):
        cleaned = super().clean()
        self.check_personal_data()
        return cleaned

    def check_personal_data(self) -> None:
        self.findings = passages(
            (self.add_prefix(name), str(self.fields[name].label), self[name].data or "")
            for name in self.checked_field_names()
        )
        if not self.confirmable:
            if self.findings:
                self.add_error(None, self.blocked_message)
            return
        digest = passages_digest(self.findings)
        confirmed = bool(self.cleaned_data.get("confirm_findings")) and self["findings_seen"].data == digest
        if self.findings and not confirmed:
            self.add_error("confirm_findings", self.confirm_error)
        # The form goes back with the digest of what it shows now, and unticked unless that was confirmed.
        data = cast("QueryDict", self.data).copy()  # or a dict, which copies the same way
        data[self.add_prefix("findings_seen")] = digest
        if not confirmed:
            data.pop(self.add_prefix("confirm_findings"), None)
        self.data = data
