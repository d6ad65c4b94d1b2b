"""Forms of the actions on a member as a person: platform-wide suspension and staff notes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PersonalDataCheck
from forum.models import ForumGroup, GroupMembership
from forum.moderation.forms import OptionalReasonForm, ReasonForm
from forum.moderation.models import NOTE_MAX_LENGTH, PlatformSuspension
from forum.moderation.suspensions import MAX_DAYS
from forum.permissions import is_site_moderator, moderated_groups


class PlatformSuspendForm(ReasonForm):
    kind = forms.ChoiceField(
        label=_("What the member may no longer do"),
        choices=PlatformSuspension.Kind.choices,
        initial=PlatformSuspension.Kind.SUSPENDED,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose one."), "invalid_choice": _("Please choose one.")},
    )
    days = forms.IntegerField(
        label=_("Number of days"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=7,
        help_text=_("The member is told until when by e-mail. It ends by itself; you can lift it earlier."),
        error_messages={
            "required": _("Please enter a number of days."),
            "invalid": _("Please enter a whole number of days."),
            "min_value": _("Suspend for at least 1 day."),
            "max_value": _("Suspend for at most 365 days."),
        },
    )
    field_order = ["kind", "days", "reason"]


class LiftSuspensionForm(OptionalReasonForm):
    pass


class StaffNoteForm(PersonalDataCheck, forms.Form):
    # The note is about a colleague's conduct; a citizen's details have no place in it, as anywhere on the platform.
    checked_fields = ("text",)
    use_required_attribute = False

    text = forms.CharField(
        label=_("Note"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Only moderators read this, never the member in the site. It is part of the member's data download and "
            "is deleted with their account."
        ),
        error_messages={"required": _("Please write a note.")},
    )
    group = forms.ModelChoiceField(
        label=_("About the group"),
        queryset=ForumGroup.objects.none(),
        required=False,
        help_text=_("Moderators of this group can read the note too."),
        error_messages={"invalid_choice": _("Please choose one of the groups.")},
    )
    field_order = ["text", "group"]

    def __init__(self, *args, moderator, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.site_wide = is_site_moderator(moderator)
        in_groups = GroupMembership.objects.filter(user=member).values("group_id")
        field = self.fields["group"]
        field.queryset = moderated_groups(moderator).filter(pk__in=in_groups).order_by("name")
        if self.site_wide:
            field.empty_label = _("None: for site moderators only")
        else:
            field.required = True
            field.empty_label = None
            field.error_messages["required"] = _("Please choose one of the groups.")
