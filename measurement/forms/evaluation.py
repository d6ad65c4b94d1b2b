"""The forms of the party evaluation: handing out codes (an officer) and answering (a citizen, without an account).

The comment runs through the personal-data detector like every free text; for a citizen a finding is explained
kindly and can be confirmed, and what they typed stays in the form.
"""

from django import forms
from django.conf import settings
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from core.forms import PersonalDataCheck
from measurement.evaluations import COMMENT_LENGTH, MAX_CODES, QUESTIONS, question_label
from measurement.models import Score


class HandOutForm(forms.Form):
    count = forms.IntegerField(
        label=_("How many codes"),
        min_value=1,
        max_value=MAX_CODES,
        initial=2,
        error_messages={
            "required": _("Enter how many codes you need."),
            "invalid": _("Enter a whole number."),
            "min_value": _("Enter at least 1."),
            "max_value": _("Enter at most %(limit_value)s."),
        },
    )
    language = forms.ChoiceField(
        label=_("Language of the slip and the questions"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a language.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = (get_language() or settings.LANGUAGE_CODE)[:2]
        self.fields["count"].help_text = gettext("One for each party who may answer, at most %(max)s at a time.") % {
            "max": MAX_CODES
        }


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Your code"),
        max_length=32,
        help_text=_("The eight letters and digits on your slip. Dashes and spaces do not matter."),
        error_messages={"required": _("Enter the code from your slip.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class AnswerForm(PersonalDataCheck, forms.Form):
    checked_fields = ("comment",)
    confirm_label = _("I have checked my text: it does not say who I am or who anyone else is.")
    confirm_error = _(
        "Your text may contain personal details (see above). Please leave out names, addresses, phone numbers, "
        "e-mail addresses and other numbers, or tick the box if they are not personal details. Your text is kept."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        questions = {
            name: forms.TypedChoiceField(
                label=question_label(name),
                choices=Score.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer from 1 to 5.")},
            )
            for name in QUESTIONS
        }
        # The questions first, then the comment, then the detector's fields.
        self.fields = questions | self.fields

    comment = forms.CharField(
        label=_("Anything you want to add"),
        required=False,
        max_length=COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Optional. Please do not write names, addresses, phone numbers or other details that say who you are."
        ),
        error_messages={"max_length": _("Write at most %(limit_value)s characters (you wrote %(show_value)s).")},
    )

    def answers(self) -> dict[str, int]:
        return {name: self.cleaned_data[name] for name in QUESTIONS}
