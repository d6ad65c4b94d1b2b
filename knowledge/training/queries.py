"""What the catalogue and a module page show, with the catalogue's filters. Counts come from subqueries, so the
number of queries stays the same however many modules and sessions there are.

The page models call these from `get_context`, so nothing here imports them: each function gets what it reads from
the page that asks.
"""

from django import forms
from django.conf import settings
from django.db.models import Exists, F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from accounts import access
from knowledge.training.choices import AudienceKey, TrainingFormat


class CatalogueFilterForm(forms.Form):
    """GET filters of the catalogue. An unknown value is reported and ignored; the other filters still apply."""

    audience = forms.ChoiceField(label=_("Audience"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    language = forms.ChoiceField(label=_("Language of the session"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("All"))]
        self.fields["audience"].choices = anything + list(AudienceKey.choices)
        self.fields["format"].choices = anything + list(TrainingFormat.choices)
        self.fields["language"].choices = anything + list(settings.LANGUAGES)
        self.fields["tag"].choices = anything + [(tag.slug, tag.name) for tag in tags]

    def filters(self) -> dict:
        self.is_valid()
        return {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}


def catalogue_context(modules, planned_sessions, request) -> dict:
    """The catalogue page: `modules` (its live, public module pages) filtered as the reader asks, each with its next
    session out of `planned_sessions`."""
    now = timezone.now()
    tags = Tag.objects.filter(training_trainingmodulepagetag_items__content_object__in=modules).distinct()
    form = CatalogueFilterForm(request.GET or None, tags=tags.order_by("name"))
    filters = form.filters() if request.GET else {}

    upcoming = planned_sessions.filter(page=OuterRef("pk"), start__gt=now)
    if "language" in filters:
        upcoming = upcoming.filter(language=filters["language"])
        modules = modules.filter(Exists(upcoming))
    if "audience" in filters:
        modules = modules.filter(audiences__key=filters["audience"])
    if "format" in filters:
        modules = modules.filter(format=filters["format"])
    if "tag" in filters:
        modules = modules.filter(tags__slug=filters["tag"])

    next_session = upcoming.with_counts().order_by("start")
    modules = (
        modules.annotate(
            next_start=Subquery(next_session.values("start")[:1]),
            next_language=Subquery(next_session.values("language")[:1]),
            next_free=Subquery(next_session.values("free_places")[:1]),
        )
        .prefetch_related("audiences")
        .order_by(F("next_start").asc(nulls_last=True), "title")
    )
    return {"modules": modules, "filter_form": form, "filtered": bool(filters)}


def module_context(page, enrolments, request) -> dict:
    """A module page: its coming sessions, each with the reader's own enrolment out of `enrolments` (the active ones
    of this module)."""
    user = request.user
    sessions = list(page.sessions.filter(end__gte=timezone.now()).with_counts().order_by("start"))
    mine = {}
    if user.is_authenticated:
        mine = {e.session_id: e for e in enrolments.filter(user=user)}
    for session in sessions:
        session.my_enrolment = mine.get(session.pk)
    return {
        "sessions": sessions,
        "related_pages": _readable_related_pages(page, user),
        "materials": page.materials.select_related("document"),
    }


def _readable_related_pages(page, user) -> list:
    """The related pages in the editor's order, only those the reader may read (a title is content too)."""
    links = list(page.related_pages.select_related("related_page"))
    readable = set(
        access.readable_pages(user).filter(pk__in=[link.related_page_id for link in links]).values_list("pk", flat=True)
    )
    return [link.related_page for link in links if link.related_page_id in readable]


def waitlist_position(enrolment) -> int | None:
    if enrolment.status != enrolment.Status.WAITLISTED:
        return None
    waiting = type(enrolment).objects.waitlist()
    return waiting.filter(session_id=enrolment.session_id, id__lte=enrolment.pk).count()
