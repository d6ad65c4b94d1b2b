from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PersonalDataCheck
from forum.models import POST_LENGTH_LIMIT, ForumGroup
from forum.moderation.models import Report, ReviewItem
from forum.permissions import moderated_groups


class ReportForm(forms.Form):
    use_required_attribute = False

    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose a reason."), "invalid_choice": _("Please choose a reason.")},
    )
    text = forms.CharField(
        label=_("Explanation for the moderators"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the moderators read this. The author does not learn who reported the post."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == Report.Reason.OTHER and not cleaned.get("text", "").strip():
            self.add_error("text", _("Please explain what is wrong when you choose “Other”."))
        return cleaned


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *list(ReviewItem.Status.choices)]
    )
    group = forms.ModelChoiceField(
        label=_("Group"), required=False, queryset=ForumGroup.objects.none(), empty_label=_("All my groups")
    )

    def __init__(self, *args, moderator, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = moderated_groups(moderator)


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False)
    group = forms.ModelChoiceField(
        label=_("Group"), required=False, queryset=ForumGroup.objects.all(), empty_label=_("All groups")
    )

    def __init__(self, *args, actions, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("All actions")), *list(actions)]
        # Only the groups whose entries the reader may see: a group moderator cannot even filter on another group.
        self.fields["group"].queryset = groups


# The forms of moderator actions (forum.moderation.actions).

REASON_MAX_LENGTH = 2000


class ReasonForm(forms.Form):
    # Several of these forms share a page: without the attribute, browsers paint every empty required field as
    # invalid before anyone typed. Validation is the server's (translated messages); the forms are novalidate.
    use_required_attribute = False

    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=REASON_MAX_LENGTH,
        help_text=_("Recorded in the audit log. The member concerned can read it in their data download."),
        error_messages={"required": _("Please give a reason.")},
    )


class DecisionForm(PersonalDataCheck, ReasonForm):
    """Hiding or rejecting a post: the category and the explanation reach the author (on the thread page and in the
    notification), the category also the reporters; both are recorded in the audit log."""

    category = forms.ChoiceField(
        label=_("Why is the post taken out of sight?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        help_text=_("The author and the members who reported the post see this category."),
        error_messages={"required": _("Please choose a category."), "invalid_choice": _("Please choose a category.")},
    )
    field_order = ["category", "reason"]
    checked_fields = ("reason",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reason = self.fields["reason"]
        reason.required = False
        reason.label = _("Explanation for the author")
        reason.help_text = _(
            "Optional, unless you choose “Other”. The author reads it with the category; it is also recorded in the "
            "audit log. Reporters do not see it."
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("category") == Report.Reason.OTHER and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Please explain the decision when you choose “Other”."))
        return cleaned


class OptionalReasonForm(ReasonForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = False


class EditForm(OptionalReasonForm):
    body_markdown = forms.CharField(
        label=_("Text of the post"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=POST_LENGTH_LIMIT,
        error_messages={"required": _("The post cannot be empty.")},
    )
    category = forms.ChoiceField(
        label=_("Why is the text changed? (optional)"),
        choices=[("", _("No category")), *Report.Reason.choices],
        required=False,
        help_text=_("Members who reported the post see this category with the outcome."),
    )
    field_order = ["body_markdown", "category", "reason"]


class SuspendForm(ReasonForm):
    days = forms.IntegerField(
        label=_("Number of days"),
        min_value=1,
        max_value=365,
        initial=7,
        error_messages={
            "required": _("Please enter a number of days."),
            "invalid": _("Please enter a whole number of days."),
            "min_value": _("Suspend for at least 1 day."),
            "max_value": _("Suspend for at most 365 days."),
        },
    )
    field_order = ["days", "reason"]


class MoveForm(OptionalReasonForm):
    group = forms.ModelChoiceField(
        label=_("Move to group"),
        queryset=ForumGroup.objects.none(),
        empty_label=None,
        error_messages={"required": _("Please choose a group."), "invalid_choice": _("Please choose a group.")},
    )
    field_order = ["group", "reason"]

    def __init__(self, *args, moderator=None, thread=None, **kwargs):
        super().__init__(*args, **kwargs)
        groups = moderated_groups(moderator)
        if thread is not None:
            groups = groups.exclude(pk=thread.group_id)
        self.fields["group"].queryset = groups
