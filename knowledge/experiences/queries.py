"""What the experience index and an experience page show, with the index's filters.

The page models call these from `get_context`, so nothing here imports them: each function gets the pages it reads
from the page that asks.
"""

from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from accounts import access, roles
from knowledge.experiences.choices import Outcome, Setting


class FilterForm(forms.Form):
    """GET filters of the experience index. An unknown value is reported and ignored; the others still apply."""

    setting = forms.ChoiceField(label=_("Setting"), required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("All"))]
        self.fields["setting"].choices = anything + list(Setting.choices)
        self.fields["outcome"].choices = anything + list(Outcome.choices)
        self.fields["tag"].choices = anything + [(tag.slug, tag.name) for tag in tags]

    def filters(self) -> dict:
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


def index_context(experiences, request) -> dict:
    """The index page: those of `experiences` (its experience pages) the reader may read, filtered as they ask.
    Members-only experiences are listed (and counted) for members only (accounts.access)."""
    experiences = access.readable_pages(request.user, experiences)
    tags = Tag.objects.filter(experiences_experiencepagetag_items__content_object__in=experiences).distinct()
    form = FilterForm(request.GET or None, tags=tags.order_by("name"))
    filters = form.filters() if request.GET else {}
    if "setting" in filters:
        experiences = experiences.filter(setting=filters["setting"])
    if "outcome" in filters:
        experiences = experiences.filter(outcome=filters["outcome"])
    if "tag" in filters:
        experiences = experiences.filter(tags__slug=filters["tag"])
    experiences = (
        experiences.annotate(useful_count=Count("useful_marks", distinct=True))
        .select_related("organisation")
        .prefetch_related("tags")
        .order_by("-first_published_at", "-pk")
    )
    return {
        "experiences": experiences,
        "filter_form": form,
        "filtered": bool(filters),
        "can_submit": roles.is_member(request.user),
    }


def experience_context(page, request) -> dict:
    user = request.user
    marks = page.useful_marks.all()
    links = list(page.related_protocols.select_related("protocol"))
    # A protocol's title is content too: only those the reader may read (accounts.access).
    readable = set(
        access.readable_pages(user).filter(pk__in=[link.protocol_id for link in links]).values_list("pk", flat=True)
    )
    protocols = [link.protocol for link in links if link.protocol_id in readable]
    return {
        "useful_count": marks.count(),
        "marked_useful": user.is_authenticated and marks.filter(user=user).exists(),
        "can_mark": roles.is_member(user),
        "related": protocols,
    }
