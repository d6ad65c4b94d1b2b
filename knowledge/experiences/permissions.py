"""Who may see, change and decide on a submitted experience: each rule once, as an object check and the queryset
filter that agrees with it. Submissions are read through these filters everywhere: whoever may not see one gets a 404.
"""

from accounts import roles
from core.permissions import Rule
from knowledge.experiences.models import ExperienceSubmission

Status = ExperienceSubmission.Status


def can_moderate(user) -> bool:
    """Moderators and editors decide on submitted experiences."""
    return roles.in_group(user, roles.MODERATORS) or roles.in_group(user, roles.EDITORS)


def can_see(user, submission) -> bool:
    """Moderators and editors see every submission; a member only their own; anyone else nothing."""
    return user.is_authenticated and (can_moderate(user) or submission.author_id == user.pk)


def visible_submissions(user):
    if not user.is_authenticated:
        return ExperienceSubmission.objects.none()
    if can_moderate(user):
        return ExperienceSubmission.objects.all()
    return ExperienceSubmission.objects.filter(author=user)


def can_edit(user, submission) -> bool:
    """The author changes a submission while it waits or changes were asked for."""
    return user.is_authenticated and submission.author_id == user.pk and submission.is_editable


def editable_submissions(user):
    if not user.is_authenticated:
        return ExperienceSubmission.objects.none()
    return ExperienceSubmission.objects.filter(author=user, status__in=[Status.PENDING, Status.CHANGES_REQUESTED])


def can_decide(user, submission) -> bool:
    return can_moderate(user) and submission.status == Status.PENDING


def decidable_submissions(user):
    if not can_moderate(user):
        return ExperienceSubmission.objects.none()
    return ExperienceSubmission.objects.filter(status=Status.PENDING)


SEE = Rule(ExperienceSubmission, can_see, visible_submissions)
EDIT = Rule(ExperienceSubmission, can_edit, editable_submissions)
DECIDE = Rule(ExperienceSubmission, can_decide, decidable_submissions)
