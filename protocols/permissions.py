"""Who may use a checklist run or a saved suitability result: each is private to the member who made it. Each rule
once, as an object check and the queryset filter that agrees with it."""

from core.permissions import Rule
from protocols.models import ChecklistRun, SavedSuitabilityResult


def _owns(user, obj) -> bool:
    return user.is_authenticated and obj.user_id == user.pk


def can_use_checklist(user, run) -> bool:
    return _owns(user, run)


def own_checklists(user):
    if not user.is_authenticated:
        return ChecklistRun.objects.none()
    return ChecklistRun.objects.filter(user=user)


def can_see_saved_result(user, result) -> bool:
    return _owns(user, result)


def own_saved_results(user):
    if not user.is_authenticated:
        return SavedSuitabilityResult.objects.none()
    return SavedSuitabilityResult.objects.filter(user=user)


USE_CHECKLIST = Rule(ChecklistRun, can_use_checklist, own_checklists)
SEE_SAVED_RESULT = Rule(SavedSuitabilityResult, can_see_saved_result, own_saved_results)
