"""The GET filters of "find a mediator". An unknown value is reported and ignored; the other filters still apply."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pool.choices import ConflictKind, Domain, Language

KIND_INTERNAL = "internal"
KIND_POOL = "pool"
KIND_EXTERNAL = "external"
KINDS = [
    ("", pgettext_lazy("kind of mediator", "Any kind")),
    (KIND_INTERNAL, _("Internal mediators of my organisation")),
    (KIND_POOL, _("Mediators from the regional pool")),
    (KIND_EXTERNAL, _("External mediators")),
]


class FindForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of mediator"), choices=KINDS, required=False)
    domain = forms.ChoiceField(label=_("Policy domain"), required=False)
    conflict = forms.ChoiceField(label=_("Kind of conflict"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    region = forms.CharField(label=_("Region"), max_length=100, required=False)
    available = forms.BooleanField(label=_("Available now"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("All"))]
        self.fields["domain"].choices = anything + list(Domain.choices)
        self.fields["conflict"].choices = anything + list(ConflictKind.choices)
        self.fields["language"].choices = anything + list(Language.choices)

    def filters(self) -> dict:
        """The valid filters that are set; invalid ones are left out (their errors stay on the form)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value and name not in self.errors}
