"""GDPR for dilemma worksheets (CASCADE with their owner, as are comments and invitations).

The export holds the person's own worksheets with everything they wrote in them, their own comments, and text kept
for them over an expired session (drafts, CASCADE with the user too). Other people's comments on those worksheets
and the names of invited colleagues are those people's data: left out.
"""

from django.db.models import Prefetch

from accounts.privacy import register_export
from knowledge.dilemmas.models import Comment, Draft, Option, Worksheet


def export_worksheets(user) -> list[dict]:
    worksheets = (
        Worksheet.objects.filter(owner=user)
        .prefetch_related("stakeholders", Prefetch("options", queryset=Option.objects.prefetch_related("weighings")))
        .order_by("created_at", "pk")
    )
    return [
        {
            "title": worksheet.title,
            "plan": worksheet.plan_title,
            "language": worksheet.language,
            "context": worksheet.context,
            "rules": worksheet.rules,
            "stakeholders": [
                {"name": stakeholder.name, "interests": stakeholder.interests}
                for stakeholder in worksheet.stakeholders.all()
            ],
            "options": [
                {
                    "title": option.title,
                    "description": option.description,
                    "weighings": [
                        {"value": weighing.value_type, "score": weighing.score, "reason": weighing.reason}
                        for weighing in option.weighings.all()
                    ],
                }
                for option in worksheet.options.all()
            ],
            "conclusion": worksheet.conclusion,
            "advice": worksheet.advice,
            "personal_perspective": worksheet.personal_perspective,
            "created_at": worksheet.created_at,
            "updated_at": worksheet.updated_at,
        }
        for worksheet in worksheets
    ]


def export_comments(user) -> list[dict]:
    comments = Comment.objects.filter(author=user).select_related("worksheet").order_by("created_at", "pk")
    return [
        {
            "text": comment.text,
            "created_at": comment.created_at,
            # The title of someone else's worksheet is theirs to share, not part of this person's data.
            "worksheet": comment.worksheet.title if comment.worksheet.owner_id == user.pk else None,
        }
        for comment in comments
    ]


def export_drafts(user) -> list[dict]:
    drafts = Draft.objects.filter(user=user).select_related("worksheet").order_by("created_at", "pk")
    return [
        {"worksheet": draft.worksheet.title, "step": draft.step, "typed": draft.data, "kept_at": draft.created_at}
        for draft in drafts
    ]


register_export("dilemma_worksheets", export_worksheets)
register_export("dilemma_worksheet_comments", export_comments)
register_export("dilemma_worksheet_drafts", export_drafts)
