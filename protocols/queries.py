"""What the protocol index and a protocol page show, with the index's filters, the review status and the checklist.

The page models call these from `get_context`, so nothing here imports them: each function gets the pages it reads
from the page that asks.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from accounts import access, roles
from protocols.choices import ConflictSetting, Phase

REVIEW_SOON_DAYS = 30


class ProtocolFilterForm(forms.Form):
    setting = forms.ChoiceField(label=_("Conflict setting"), required=False)
    phase = forms.ChoiceField(label=_("Phase"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["setting"].choices = everything + list(ConflictSetting.choices)
        self.fields["phase"].choices = everything + [c for c in Phase.choices if c[0] != Phase.ANY]
        self.fields["tag"].choices = everything + [(tag.slug, tag.name) for tag in tags]


REVIEW_LABELS = {
    "overdue": _("Review overdue"),
    "due_soon": _("Review due within 30 days"),
    "fine": _("Up to date"),
    "unknown": _("No review date"),
}


def review_status(next_review: datetime.date | None, today: datetime.date | None = None) -> str:
    today = today or timezone.localdate()
    if next_review is None:
        return "unknown"
    if next_review < today:
        return "overdue"
    if next_review <= today + datetime.timedelta(days=REVIEW_SOON_DAYS):
        return "due_soon"
    return "fine"


def item_key(block_id: str, position: int, text: str) -> str:
    return hashlib.sha256(f"{block_id}:{position}:{text}".encode()).hexdigest()[:64]


@dataclass
class ChecklistItem:
    key: str
    text: str
    ticked: bool = False


def checklist_steps(page, ticked_keys=frozenset()) -> list[dict]:
    steps = []
    for number, step in enumerate(page.steps, start=1):
        items = [
            ChecklistItem(key, text, key in ticked_keys)
            for position, text in enumerate(step.value["checklist"])
            for key in [item_key(step.id, position, text)]
        ]
        steps.append({"number": number, "id": step.id, "value": step.value, "items": items})
    return steps


def protocol_page_context(page, related, protocols, request) -> dict:
    """A protocol page: its `related` protocol links, those to `protocols` (all protocol pages) the reader may
    read."""
    user = request.user
    is_member = roles.is_member(user)
    return {
        "related": list(
            related.filter(protocol__in=access.readable_pages(user, protocols))
            .select_related("protocol")
            .order_by("sort_order")
        ),
        "review_status": review_status(page.next_review),
        "review_label": REVIEW_LABELS[review_status(page.next_review)],
        # Called by the template only when the page's text is not cached (core.templatetags.published_cache).
        "steps": lambda: checklist_steps(page),
        "is_member": is_member,
        "version_count": page.published_versions.count(),
    }


def filtered_protocols(protocols, params, user) -> dict:
    """Of `protocols` (an index's child pages), those `user` may read, narrowed by the reader's filters; unknown
    filter values are ignored."""
    protocols = access.readable_pages(user, protocols)
    tags = Tag.objects.filter(protocols_protocolpagetag_items__content_object__in=protocols).distinct().order_by("name")
    form = ProtocolFilterForm(params or None, tags=tags)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("setting"):
            protocols = protocols.filter(conflict_setting=data["setting"])
        if data.get("phase"):
            protocols = protocols.filter(Q(phase=data["phase"]) | Q(phase=Phase.ANY))
        if data.get("tag"):
            protocols = protocols.filter(tags__slug=data["tag"])
    protocols = protocols.order_by("title").prefetch_related("tagged_items__tag")
    return {
        "filter_form": form,
        "protocols": protocols.distinct(),
        "is_filtering": form.is_bound and form.is_valid() and any(form.cleaned_data.values()),
        "settings_labels": dict(ConflictSetting.choices),
    }
