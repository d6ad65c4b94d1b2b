"""The rules of protocols: publishing, reader-visible history and diffs, review lifecycle, checklists."""

import datetime
import difflib
import html
import re
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Case, CharField, Exists, OuterRef, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from accounts import access
from protocols.models import (
    ChecklistRun,
    ChecklistTick,
    ProtocolPage,
    PublishedVersion,
    ReviewReminder,
)
from protocols.queries import REVIEW_SOON_DAYS, checklist_steps

# --- Publishing ---------------------------------------------------------------------------------------------------


def record_published_version(page, revision) -> None:
    # Wagtail also signals a publish scheduled for later; that version is not in front of readers yet.
    if not page.live or page.live_revision_id != revision.pk:
        return
    PublishedVersion.objects.get_or_create(
        revision=revision,
        defaults={
            "page_id": page.pk,
            "published_at": page.last_published_at or timezone.now(),
            "change_note": (revision.content or {}).get("change_note", "") or "",
        },
    )


# --- Reading ------------------------------------------------------------------------------------------------------


def readable_protocols(user):
    """The protocols `user` may read, on every surface (page, print, history, diff, checklist, links)."""
    return access.readable_pages(user, ProtocolPage.objects.all())


def readable_protocol_or_404(user, page_id: int) -> ProtocolPage:
    """The protocol, or 404; a members-only one asks a visitor to log in and tells a non-member why not (403)."""
    return access.readable_page_or_refuse(user, ProtocolPage.objects.all(), page_id)


def published_versions(page):
    return PublishedVersion.objects.filter(page=page).select_related("revision")


def published_version_or_404(page, revision_id) -> PublishedVersion:
    try:
        return published_versions(page).get(revision_id=int(revision_id))
    except (PublishedVersion.DoesNotExist, TypeError, ValueError):
        raise Http404 from None


def with_review_status(queryset, today: datetime.date | None = None):
    today = today or timezone.localdate()
    return queryset.annotate(
        review_status=Case(
            When(next_review__isnull=True, then=Value("unknown")),
            When(next_review__lt=today, then=Value("overdue")),
            When(next_review__lte=today + datetime.timedelta(days=REVIEW_SOON_DAYS), then=Value("due_soon")),
            default=Value("fine"),
            output_field=CharField(),
        )
    )


# --- History and diff ---------------------------------------------------------------------------------------------

_BLOCK_END = re.compile(r"</(p|li|h[1-6]|ol|ul)>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def rich_text_lines(value) -> list[str]:
    source = str(getattr(value, "source", value) or "")
    text = html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", source)))
    return [line.strip() for line in text.splitlines() if line.strip()]


def readable_lines(page) -> list[str]:
    """The text of one version as readers see it, line by line: what the diff compares."""
    lines = [page.title, page.summary]
    for heading, value in (
        (gettext("When to use"), page.when_to_use),
        (gettext("When not to use"), page.when_not_to_use),
        (gettext("Roles and mandate"), page.roles_and_mandate),
    ):
        body = rich_text_lines(value)
        if body:
            lines += [f"## {heading}", *body]
    for number, step in enumerate(page.steps, start=1):
        value = step.value
        lines.append(f"## {gettext('Step')} {number}: {value['title']}")
        lines.append(f"{gettext('Responsible')}: {value['responsible_role']}")
        lines += rich_text_lines(value["actions"])
        lines += [f"☐ {item}" for item in value["checklist"]]
        if value.get("typical_duration"):
            lines.append(f"{gettext('Typical duration')}: {value['typical_duration']}")
    for heading, value in (
        (gettext("Confidentiality"), page.confidentiality),
        (gettext("Voluntariness"), page.voluntariness),
        (gettext("What is recorded afterwards"), page.recorded),
    ):
        body = rich_text_lines(value)
        if body:
            lines += [f"## {heading}", *body]
    return [line for line in lines if line]


@dataclass
class DiffLine:
    kind: str  # "same", "added", "removed"
    text: str


def diff_lines(old: list[str], new: list[str]) -> list[DiffLine]:
    result = []
    for opcode, old_start, old_end, new_start, new_end in difflib.SequenceMatcher(a=old, b=new).get_opcodes():
        if opcode == "equal":
            result += [DiffLine("same", line) for line in old[old_start:old_end]]
            continue
        result += [DiffLine("removed", line) for line in old[old_start:old_end]]
        result += [DiffLine("added", line) for line in new[new_start:new_end]]
    return result


def compare_versions(old: PublishedVersion, new: PublishedVersion) -> list[DiffLine]:
    return diff_lines(readable_lines(old.revision.as_object()), readable_lines(new.revision.as_object()))


# --- Review lifecycle ---------------------------------------------------------------------------------------------


def due_for_reminder(today: datetime.date | None = None):
    """Live protocols with an owner whose review is overdue or due within 30 days and not yet reminded of."""
    today = today or timezone.localdate()
    candidates = with_review_status(
        ProtocolPage.objects.live().filter(
            review_owner__isnull=False,
            review_owner__is_active=True,
            next_review__lte=today + datetime.timedelta(days=REVIEW_SOON_DAYS),
        ),
        today,
    )
    already_sent = ReviewReminder.objects.filter(
        page=OuterRef("pk"), next_review=OuterRef("next_review"), status=OuterRef("review_status")
    )
    return list(
        candidates.exclude(Exists(already_sent))
        .select_related("review_owner", "locale")
        .order_by("next_review", "title")
    )


def group_by_owner(pages) -> dict:
    owners: dict = {}
    for page in pages:
        owners.setdefault(page.review_owner, []).append(page)
    return owners


# --- Checklists ---------------------------------------------------------------------------------------------------


def start_checklist(user, page, label: str = "") -> ChecklistRun:
    return ChecklistRun.objects.create(user=user, page=page, label=label)


def update_checklist(run: ChecklistRun, ticked_keys, notes: str, label: str) -> None:
    """Store exactly the ticked items that exist in the protocol now; unknown keys are ignored."""
    valid = {item.key for step in checklist_steps(run.page) for item in step["items"]}
    wanted = set(ticked_keys) & valid
    with transaction.atomic():
        run.ticks.exclude(item_key__in=wanted).delete()
        existing = set(run.ticks.values_list("item_key", flat=True))
        ChecklistTick.objects.bulk_create(
            [ChecklistTick(run=run, item_key=key) for key in wanted - existing], ignore_conflicts=True
        )
        run.notes = notes
        run.label = label
        run.save(update_fields=["notes", "label", "updated_at"])


# --- Suitability --------------------------------------------------------------------------------------------------


def protocols_in_language(page_ids, language: str, user) -> list:
    """The protocols linked from rules that `user` may read, in the reader's language where a translation exists."""
    if not page_ids:
        return []
    keys = ProtocolPage.objects.filter(pk__in=page_ids).values("translation_key")
    pages = list(readable_protocols(user).filter(translation_key__in=keys).select_related("locale"))
    by_key = {}
    for page in pages:
        if page.locale.language_code == language or page.translation_key not in by_key:
            by_key[page.translation_key] = page
    return sorted(by_key.values(), key=lambda p: p.title)
