"""Who may manage a training session and see an organisation's implementation trajectory: each rule once, as an
object check and the queryset filter that agrees with it. (Who may enrol is the enrolment service's business: it
answers with the reason — not a member, full, closed, cancelled.)"""

from accounts import roles
from accounts.models import Membership, Organisation
from core.permissions import Rule
from knowledge.training.models import TrainingSession


def can_manage_session(user, session) -> bool:
    """Whether `user` may see a session's participants (and export or cancel it): editors all sessions, a trainer
    those of their own modules."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or roles.in_group(user, roles.EDITORS):
        return True
    return roles.in_group(user, roles.TRAINERS) and session.page.owner_id == user.pk


def manageable_sessions(user):
    if not user.is_authenticated:
        return TrainingSession.objects.none()
    if user.is_superuser or roles.in_group(user, roles.EDITORS):
        return TrainingSession.objects.all()
    if roles.in_group(user, roles.TRAINERS):
        return TrainingSession.objects.filter(page__owner=user)
    return TrainingSession.objects.none()


def can_see_trajectory(user, organisation) -> bool:
    """An organisation's implementation trajectory is for its active members (its coordinators edit it:
    accounts.permissions.can_coordinate)."""
    if not user.is_authenticated:
        return False
    return Membership.objects.active().filter(user=user, organisation=organisation).exists()


def trajectory_organisations(user):
    if not user.is_authenticated:
        return Organisation.objects.none()
    memberships = Membership.objects.active().filter(user=user)
    return Organisation.objects.filter(pk__in=memberships.values("organisation"))


MANAGE_SESSION = Rule(TrainingSession, can_manage_session, manageable_sessions)
SEE_TRAJECTORY = Rule(Organisation, can_see_trajectory, trajectory_organisations)
