"""The admin form of a protocol: the rules that apply when a version goes to readers (publish or submit)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from wagtail.admin.forms import WagtailAdminPageForm


def publication_errors(page, steps, change_note: str) -> list[tuple[str, str]]:
    """Why this version of `page` may not go to readers: (field, message) pairs; empty when it may.

    The page model names this form, so the published versions are read through the page, not imported."""
    errors = []
    if not steps or not len(steps):
        errors.append(("steps", gettext("A protocol without steps cannot be published. Add at least one step.")))
    note = (change_note or "").strip()
    if not note:
        errors.append(("change_note", gettext("Describe what changed in this version; readers see this note.")))
    elif _latest_published_note(page) == note:
        errors.append(
            (
                "change_note",
                gettext(
                    "This is the change note of the version already published. Describe what changed in this version."
                ),
            )
        )
    return errors


def _latest_published_note(page) -> str | None:
    if not page.pk:
        return None
    version = page.published_versions.only("change_note").first()
    return version.change_note if version else None


class ProtocolPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # Wagtail defers required-field validation when an editor only saves a draft: drafts may be unfinished.
        if getattr(self, "is_deferred_validation", False):
            return cleaned_data
        for field, message in publication_errors(
            self.instance, cleaned_data.get("steps"), cleaned_data.get("change_note", "")
        ):
            self.add_error(field, ValidationError(message))
        return cleaned_data
