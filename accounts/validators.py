import unicodedata

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's validator with a message of our own: Django's Dutch and Danish catalogues lag behind its msgid."""

    def get_error_message(self):
        return ngettext(
            "This password is too short: use at least %(min_length)d character.",
            "This password is too short: use at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


def validate_single_line(value: str) -> None:
    """Names and titles that end up in mail subjects, headers and one-line listings: no line breaks or other control
    characters, which would add lines to a mail or a header of their own."""
    if any(unicodedata.category(character) in ("Cc", "Zl", "Zp") for character in value or ""):
        raise ValidationError(
            _("Use a single line, without line breaks, tabs or other control characters."), code="single_line"
        )
