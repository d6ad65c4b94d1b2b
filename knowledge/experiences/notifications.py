"""What the author of a shared experience finds in their notifications: every decision about it (published, edited
and published, changes asked, rejected, taken down). The mail about a decision goes separately (mail.py), always."""

from django.urls import reverse
from django.utils.translation import gettext as _

from knowledge.experiences import permissions
from knowledge.experiences.models import ExperienceSubmission
from notifications.kinds import Kind
from notifications.registry import register_kind_audience, register_target
from notifications.services import notify


def notify_author(submission, *, actor) -> None:
    notify(submission.author, Kind.CONTRIBUTION, submission, actor=actor)


def submission_title(submission) -> str:
    return _("Your experience “%(title)s”: %(status)s") % {
        "title": submission.title,
        "status": submission.get_status_display(),
    }


def register():
    register_target(
        ExperienceSubmission,
        can_view=permissions.can_see,
        url=lambda submission: reverse("experiences:submission", args=[submission.pk]),
        title=submission_title,
        excerpt=lambda submission: submission.reason,
        visible=permissions.visible_submissions,
    )
    # Not a choice in the settings: the mail about a decision always goes.
    register_kind_audience(Kind.CONTRIBUTION, lambda user: False)
