"""Forms of the forum: new thread (free or case consultation), reply/edit, invitation.

Before a post is submitted the personal-data detector reads it. When it finds something, the form is shown again
with the passages and a checkbox "I have checked these"; the confirmation covers exactly those findings (a digest),
so text added afterwards is checked again. Nothing typed is lost on the way.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import roles
from accounts.models import User, normalise_email
from accounts.validators import validate_single_line
from core.forms import PersonalDataCheck
from forum.models import Thread
from forum.services import MAX_POST_LENGTH

CASE_FIELDS = ("situation", "question", "tried")


def _body_field(label, help_text=""):
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_POST_LENGTH,
        help_text=help_text,
        error_messages={
            "required": _("Write a message."),
            "max_length": _("A message can be at most %(limit_value)s characters long; yours has %(show_value)s."),
        },
    )


MARKDOWN_HELP = _("You can use Markdown: **bold**, *italic*, lists with -, quotes with >. Mention a member with @name.")


class PostForm(PersonalDataCheck, forms.Form):
    checked_fields = ("body",)

    body = _body_field(_("Your message"), MARKDOWN_HELP)
    pseudonymous = forms.BooleanField(
        label=_("Post under a pseudonym"),
        required=False,
        help_text=_("Other members see a participant number instead of your name. Moderators can see who you are."),
    )

    def __init__(self, *args, group, allow_pseudonym=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not (group.allow_pseudonyms and allow_pseudonym):
            del self.fields["pseudonymous"]


class ThreadForm(PersonalDataCheck, forms.Form):
    template = forms.ChoiceField(
        label=_("Kind of thread"),
        choices=Thread.Template.choices,
        initial=Thread.Template.FREE,
        widget=forms.RadioSelect,
        help_text=_("A case consultation asks the group for advice on a case, following the intervision method."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        validators=[validate_single_line],
        error_messages={"required": _("Give your thread a title.")},
    )
    body = _body_field(_("Your message"), MARKDOWN_HELP)
    situation = forms.CharField(
        label=_("The situation"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=MAX_POST_LENGTH // 3,
        help_text=_("Describe the case without names or details that make people recognisable."),
    )
    question = forms.CharField(
        label=_("My question to the group"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=MAX_POST_LENGTH // 3,
    )
    tried = forms.CharField(
        label=_("What I have tried so far"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=MAX_POST_LENGTH // 3,
    )
    pseudonymous = PostForm.base_fields["pseudonymous"]

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        # Which parts are required depends on the kind of thread chosen; an empty form marks none as optional.
        if self.is_bound:
            case = self.data.get("template") == Thread.Template.CASE
            self.fields["body"].required = not case
            self.fields["situation"].required = self.fields["question"].required = case
        else:
            self.fields["situation"].required = self.fields["question"].required = True
        for name in ("situation", "question"):
            self.fields[name].error_messages["required"] = _("Fill in this part of the case consultation.")
        if not group.allow_pseudonyms:
            del self.fields["pseudonymous"]

    def is_case(self):
        return self.cleaned_data.get("template") == Thread.Template.CASE

    def checked_field_names(self):
        return ["title", *CASE_FIELDS] if self.is_case() else ["title", "body"]

    def composed_markdown(self) -> str:
        """The first post's Markdown. A case consultation becomes three headed sections, so replies can refer to
        them and the thread reads like an intervision round."""
        data = self.cleaned_data
        if not self.is_case():
            return data["body"]
        parts = [("situation", _("The situation")), ("question", _("My question to the group"))]
        if (data.get("tried") or "").strip():
            parts.append(("tried", _("What I have tried so far")))
        return "\n\n".join(f"## {heading}\n\n{data[name].strip()}" for name, heading in parts)


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the member"),
        error_messages={"required": _("Enter an e-mail address."), "invalid": _("Enter a valid e-mail address.")},
        help_text=_("The person must already be a member of the platform."),
    )

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        user = User.objects.filter(email=email, is_active=True).first()
        if user is None or not roles.is_member(user):
            raise forms.ValidationError(_("There is no member of the platform with this e-mail address."))
        self.user = user
        return email
