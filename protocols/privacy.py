"""GDPR for protocols: a member's private checklists and saved suitability results (both CASCADE with the user)."""

from accounts.privacy import register_export
from protocols.models import ChecklistRun, SavedSuitabilityResult


def export_checklists(user) -> list[dict]:
    runs = ChecklistRun.objects.for_user(user).select_related("page").prefetch_related("ticks").order_by("created_at")
    return [
        {
            "protocol": run.page.title,
            "label": run.label,
            "notes": run.notes,
            "ticked_items": [tick.item_key for tick in run.ticks.all()],
            "created_at": run.created_at,
            "updated_at": run.updated_at,
        }
        for run in runs
    ]


def export_suitability_results(user) -> list[dict]:
    return [
        {
            "label": result.label,
            "outcome": result.outcome,
            "answers": result.answers,
            "reasons": result.reasons,
            "notes": result.notes,
            "language": result.language,
            "created_at": result.created_at,
        }
        for result in SavedSuitabilityResult.objects.for_user(user).order_by("created_at")
    ]


register_export("protocol_checklists", export_checklists)
register_export("saved_suitability_results", export_suitability_results)
