from django import forms
from django.utils.translation import gettext_lazy as _

from notifications.kinds import Delivery, Kind


class SettingsForm(forms.Form):
    """One radio group per kind of notification."""

    def __init__(self, *args, deliveries: dict[str, str], kinds: list[str], **kwargs):
        """`kinds`: the kinds this person can receive (notifications.registry.kinds_for)."""
        super().__init__(*args, **kwargs)
        for kind in Kind:
            if kind.value not in kinds:
                continue
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=deliveries[kind.value],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose how you want to hear about this."),
                    "invalid_choice": _("Choose one of the options."),
                },
            )
