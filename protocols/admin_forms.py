"""The admin form of a protocol: the rules that apply when a version goes to readers (publish or submit)."""

from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm


class ProtocolPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # Wagtail defers required-field validation when an editor only saves a draft: drafts may be unfinished.
        if getattr(self, "is_deferred_validation", False):
            return cleaned_data
        from protocols.services import publication_errors

        for field, message in publication_errors(
            self.instance.pk, cleaned_data.get("steps"), cleaned_data.get("change_note", "")
        ):
            self.add_error(field, ValidationError(message))
        return cleaned_data
