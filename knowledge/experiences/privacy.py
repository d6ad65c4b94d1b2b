"""GDPR for shared experiences.

Export: the person's submissions (whatever their status) and their "useful" marks. A submission a moderator redacted
is exported as published, with which parts were edited and when: the original may name somebody else, and it is
kept for moderators only (until they purge it). Deletion: a published
experience stays without the author (SET_NULL on the submission); what never became public is the person's alone
and is deleted with them.
"""

from accounts.privacy import register_erasure, register_export
from knowledge.experiences.models import ExperienceSubmission, UsefulMark


def export_submissions(user) -> list[dict]:
    submissions = (
        ExperienceSubmission.objects.filter(author=user)
        .select_related("organisation", "page")
        .prefetch_related("related_protocols", "revisions")
        .order_by("created_at", "pk")
    )
    return [
        {
            "title": submission.title,
            "language": submission.language,
            "setting": submission.setting,
            "case_kind": submission.case_kind,
            "what_happened": submission.what_happened,
            "approach": submission.approach,
            "outcome": submission.outcome,
            "lessons": submission.lessons,
            "tags": submission.tags,
            "organisation": submission.organisation.name if submission.organisation else None,
            "show_organisation": submission.show_organisation,
            "members_only": submission.members_only,
            "related_protocols": [protocol.title for protocol in submission.related_protocols.all()],
            "status": submission.status,
            "moderator_reason": submission.reason,
            "published_page": submission.page.url if submission.page else None,
            "created_at": submission.created_at,
            "submitted_at": submission.submitted_at,
            "decided_at": submission.decided_at,
            "withdrawn_at": submission.withdrawn_at,
            "edited_by_a_moderator": [
                {"at": revision.created_at, "fields": revision.changed_fields}
                for revision in submission.revisions.all()
            ],
        }
        for submission in submissions
    ]


def export_useful_marks(user) -> list[dict]:
    marks = UsefulMark.objects.filter(user=user).select_related("page").order_by("created_at")
    return [{"experience": mark.page.title, "marked_at": mark.created_at} for mark in marks]


def erase_unpublished_submissions(user) -> None:
    ExperienceSubmission.objects.filter(author=user).exclude(status=ExperienceSubmission.Status.APPROVED).delete()


register_export("experience_submissions", export_submissions)
register_export("experience_useful_marks", export_useful_marks)
register_erasure(erase_unpublished_submissions)
