"""Who may see, change and decide on a submitted experience: each rule once, as an object check and the queryset
filter that agrees with it. Submissions are read through these filters everywhere: whoever may not see one gets a 404.
"""

from accounts import roles
from core.permissions import Rule
from knowledge.experiences.models import EDITABLE, WITHDRAWABLE, ExperienceRevision, ExperienceSubmission

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
    return ExperienceSubmission.objects.filter(author=user, status__in=EDITABLE)


def can_decide(user, submission) -> bool:
    return can_moderate(user) and submission.status == Status.PENDING


def decidable_submissions(user):
    if not can_moderate(user):
        return ExperienceSubmission.objects.none()
    return ExperienceSubmission.objects.filter(status=Status.PENDING)


def can_withdraw(user, submission) -> bool:
    """Only the author withdraws, whether it waits or is published; a moderator takes down instead."""
    return user.is_authenticated and submission.author_id == user.pk and submission.is_withdrawable


def withdrawable_submissions(user):
    if not user.is_authenticated:
        return ExperienceSubmission.objects.none()
    return ExperienceSubmission.objects.filter(author=user, status__in=WITHDRAWABLE)


def can_redact(user, submission) -> bool:
    """A moderator edits the text of one that waits (and publishes it) or of one already published."""
    return can_moderate(user) and submission.status in (Status.PENDING, Status.APPROVED)


def redactable_submissions(user):
    if not can_moderate(user):
        return ExperienceSubmission.objects.none()
    return ExperienceSubmission.objects.filter(status__in=[Status.PENDING, Status.APPROVED])


def can_take_down(user, submission) -> bool:
    return can_moderate(user) and submission.status == Status.APPROVED


def take_downable_submissions(user):
    if not can_moderate(user):
        return ExperienceSubmission.objects.none()
    return ExperienceSubmission.objects.filter(status=Status.APPROVED)


def can_purge_revision(user, revision) -> bool:
    """Moderators purge an author's original text from the history, once."""
    return can_moderate(user) and not revision.is_purged


def purgeable_revisions(user):
    if not can_moderate(user):
        return ExperienceRevision.objects.none()
    return ExperienceRevision.objects.filter(purged_at__isnull=True)


SEE = Rule(ExperienceSubmission, can_see, visible_submissions)
EDIT = Rule(ExperienceSubmission, can_edit, editable_submissions)
DECIDE = Rule(ExperienceSubmission, can_decide, decidable_submissions)
WITHDRAW = Rule(ExperienceSubmission, can_withdraw, withdrawable_submissions)
REDACT = Rule(ExperienceSubmission, can_redact, redactable_submissions)
TAKE_DOWN = Rule(ExperienceSubmission, can_take_down, take_downable_submissions)
# can_purge_revision / purgeable_revisions are a pair too; tests/experiences/test_permissions.py checks that they
# agree (not bound as a Rule: the shared trust population holds no revisions).
