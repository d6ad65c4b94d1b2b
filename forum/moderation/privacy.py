"""GDPR for forum moderation (autodiscovered by accounts.privacy).

Export ("what moderators recorded about you"): actions on the person (warnings, suspensions, removals), on their
posts (hidden, edited, purged versions, a revealed pseudonym) and on threads they started, and every review of their
posts: held for approval or reported, with the reports' reasons and the outcome. The grounds a moderator recorded
for those decisions are part of it: they are the person's data and the reason for a decision about them. Left out,
to protect others (GDPR art. 15(4)): who reported and what a reporter wrote, and which moderator acted — moderators
appear by their role. The reports the person made themselves are exported too, with their outcome.

On account deletion the moderation records stay — the audit log is append-only and decisions must remain
traceable — but the person's name goes. A moderator's stored display name is blanked together with the link to the
account; a member an action was about is only a reference (`subject`, SET NULL with the account), never a stored
name. Those are the only changes the audit log's trigger allows, and the records then show "former member".
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.privacy import register_erasure, register_export
from forum.models import Post, Thread
from forum.moderation.models import AuditEntry, PlatformSuspension, Report, ReviewItem, StaffNote

MODERATOR = "moderator"


def _concerning(entry, post_type, thread_type) -> dict:
    if entry.target_type_id == post_type.pk:
        return {"about": "your_post", "url": reverse("forum:post", kwargs={"pk": entry.target_id})}
    if entry.target_type_id == thread_type.pk:
        return {"about": "your_thread", "url": reverse("forum:thread", kwargs={"pk": entry.target_id})}
    return {"about": "you", "url": None}


def export_moderation(user) -> dict:
    post_type = ContentType.objects.get_for_model(Post)
    thread_type = ContentType.objects.get_for_model(Thread)
    own_posts = Post.objects.filter(author=user).values("pk")
    own_threads = Thread.objects.filter(author=user).values("pk")
    entries = AuditEntry.objects.filter(
        Q(subject=user)
        | Q(target_type=post_type, target_id__in=own_posts)
        | Q(target_type=thread_type, target_id__in=own_threads)
    ).order_by("created_at", "pk")
    reviews = (
        ReviewItem.objects.filter(post__author=user)
        .prefetch_related(Prefetch("reports", queryset=Report.objects.order_by("created_at", "pk")))
        .order_by("created_at", "pk")
    )
    return {
        "about_this_section": _(
            "What forum moderators recorded about you, your posts and your threads, with the reasons they gave. "
            "Moderators are named by their role only. Who reported a post, and what they wrote, is left out to "
            "protect them; the kind of report is included."
        ),
        "actions": [
            {
                "action": entry.action,
                **_concerning(entry, post_type, thread_type),
                "group": entry.group_name,
                "reason": entry.reason,
                "reason_category": entry.category,
                "by": MODERATOR,
                "at": entry.created_at,
            }
            for entry in entries
        ],
        "reviews_of_your_posts": [
            {
                "post_url": reverse("forum:post", kwargs={"pk": item.post_id}),
                "held_for_approval": item.held,
                "opened_at": item.created_at,
                "reports": [{"reason": report.reason, "at": report.created_at} for report in item.reports.all()],
                "status": item.status,
                "decision": item.decision,
                "decision_reason": item.decision_reason,
                "decision_category": item.decision_category,
                "held_after_reports_at": item.auto_held_at,
                "decided_by": MODERATOR if item.decided_at else None,
                "decided_at": item.decided_at,
            }
            for item in reviews
        ],
    }


register_export("forum_moderation_about_you", export_moderation)


def export_reports(user) -> list[dict]:
    reports = Report.objects.filter(reporter=user).select_related("item").order_by("created_at", "pk")
    return [
        {
            "post_url": reverse("forum:post", kwargs={"pk": report.item.post_id}),
            "reason": report.reason,
            "explanation": report.text,
            "created_at": report.created_at,
            # Whether it was handled, not the moderator's reasons: those concern the post's author.
            "outcome": report.item.status,
            # The category is what the reporter was told; the moderator's explanation is for the author.
            "outcome_category": report.item.decision_category,
        }
        for report in reports
    ]


register_export("forum_reports", export_reports)


def forget_moderator(user) -> None:
    # The base manager: the default one refuses every bulk update of the audit log.
    AuditEntry._base_manager.filter(actor=user).update(actor=None, actor_name="")
    ReviewItem.objects.filter(decided_by=user).update(decided_by=None, decided_by_name="")


register_erasure(forget_moderator)


def export_notes_and_suspensions(user) -> dict:
    """Staff notes are kept from the member in the site (a working record of the moderators), but they are personal
    data about them, as a coordinator's reason for ending a membership is: the right of access covers them, so the
    download holds them in full. Who wrote them is left out, as for every moderator decision."""
    suspensions = PlatformSuspension.objects.filter(user=user).order_by("starts_at", "pk")
    notes = StaffNote.objects.filter(member=user).select_related("group").order_by("created_at", "pk")
    return {
        "platform_suspensions": [
            {
                "kind": suspension.kind,
                "starts_at": suspension.starts_at,
                "ends_at": suspension.ends_at,
                "lifted_at": suspension.lifted_at,
                "reason": suspension.reason,
                "by": MODERATOR,
            }
            for suspension in suspensions
        ],
        "staff_notes": [
            {
                "text": note.text,
                "group": note.group.name if note.group else None,
                "at": note.created_at,
                "by": MODERATOR,
            }
            for note in notes
        ],
    }


# Erasure needs nothing more: notes and suspensions go with the account (CASCADE), the audit entries about them keep
# only that a moderator acted (their `subject` is set to NULL, as for every member action).
register_export("forum_moderation_notes_and_suspensions", export_notes_and_suspensions)
