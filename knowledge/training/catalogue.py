"""What the catalogue and a module page show. Counts come from subqueries, so the number of queries stays the same
however many modules and sessions there are."""

from django.db.models import Exists, F, OuterRef, Subquery
from django.utils import timezone
from taggit.models import Tag

from accounts import access
from knowledge.training import permissions
from knowledge.training.forms import CatalogueFilterForm
from knowledge.training.models import Enrolment, TrainingModulePage, TrainingSession


def catalogue_context(index, request) -> dict:
    now = timezone.now()
    modules = TrainingModulePage.objects.live().public().child_of(index)
    tags = Tag.objects.filter(training_trainingmodulepagetag_items__content_object__in=modules).distinct()
    form = CatalogueFilterForm(request.GET or None, tags=tags.order_by("name"))
    filters = form.filters() if request.GET else {}

    upcoming = TrainingSession.objects.planned().filter(page=OuterRef("pk"), start__gt=now)
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


def module_context(page, request) -> dict:
    user = request.user
    sessions = list(page.sessions.filter(end__gte=timezone.now()).with_counts().order_by("start"))
    mine = {}
    if user.is_authenticated:
        mine = {e.session_id: e for e in Enrolment.objects.active().filter(user=user, session__page=page)}
    for session in sessions:
        session.my_enrolment = mine.get(session.pk)
    return {
        "sessions": sessions,
        "can_manage": permissions.manageable_sessions(user).filter(page=page).exists(),
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
