"""Front-end views of training: enrolment, my trainings, participant lists, calendars, and the trajectory.

Whatever a person may not see is filtered in the query and answered with 404: a trainer asking for another
trainer's participants, a member asking for another member's enrolment or another organisation's trajectory.
"""

import csv
import io
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Locale

from accounts import permissions as account_permissions
from accounts import roles
from accounts.models import Organisation
from knowledge.training import ical, permissions, queries, services
from knowledge.training.forms import TrajectoryFormSet
from knowledge.training.models import (
    Enrolment,
    TrainingModulePage,
    TrainingSession,
)

# Feeds reach a little into the past, so a calendar keeps last month's sessions.
FEED_HISTORY = timedelta(days=31)


def _public_sessions():
    return TrainingSession.objects.on_live_modules().select_related("page")


# Enrolment


@login_required
@require_http_methods(["GET", "POST"])
def enrol(request, pk):
    """GET asks to confirm (a followed link never enrols anyone); POST enrols or puts on the waiting list."""
    session = get_object_or_404(_public_sessions().with_counts(), pk=pk)
    existing = Enrolment.objects.active().filter(session=session, user=request.user).first()
    if existing is not None:
        messages.info(request, _("You are already enrolled in this session (or on its waiting list)."))
        return redirect("training:enrolment", pk=existing.pk)
    context = {"session": session, "module": session.page, "is_member": roles.is_member(request.user)}
    if not context["is_member"]:
        return render(request, "training/enrol.html", context, status=403)
    if request.method == "POST":
        try:
            enrolment = services.enrol(session.pk, request.user)
        except services.AlreadyEnrolled as error:
            messages.info(request, str(error))
            existing = Enrolment.objects.active().get(session=session, user=request.user)
            return redirect("training:enrolment", pk=existing.pk)
        except services.EnrolmentError as error:
            context["error"] = str(error)
            return render(request, "training/enrol.html", context, status=409)
        return redirect("training:enrolment", pk=enrolment.pk)
    if session.is_cancelled:
        context["error"] = str(services.SessionCancelled.message)
    elif not session.is_open:
        context["error"] = str(services.EnrolmentClosed.message)
    return render(request, "training/enrol.html", context)


@login_required
def enrolment_detail(request, pk):
    enrolment = get_object_or_404(Enrolment.objects.filter(user=request.user).select_related("session__page"), pk=pk)
    return render(
        request,
        "training/enrolment.html",
        {
            "enrolment": enrolment,
            "session": enrolment.session,
            "module": enrolment.session.page,
            "position": queries.waitlist_position(enrolment),
        },
    )


@login_required
@require_POST
def cancel_enrolment(request, pk):
    enrolment = get_object_or_404(Enrolment.objects.filter(user=request.user).active(), pk=pk)
    services.cancel_enrolment(enrolment, by=request.user)
    messages.success(request, _("Your enrolment has been cancelled."))
    return redirect("training:my_trainings")


@login_required
def my_trainings(request):
    enrolments = (
        Enrolment.objects.filter(user=request.user).select_related("session__page").order_by("session__start", "id")
    )
    now = timezone.now()
    upcoming = [e for e in enrolments if e.status != Enrolment.Status.CANCELLED and e.session.end >= now]
    for enrolment in upcoming:
        enrolment.position = queries.waitlist_position(enrolment)
    history = [e for e in enrolments if e not in upcoming]
    return render(request, "training/my_trainings.html", {"upcoming": upcoming, "history": history})


# Trainers and editors


def _managed_session(request, pk) -> TrainingSession:
    if not request.user.is_authenticated:
        raise Http404
    return get_object_or_404(permissions.manageable_sessions(request.user).select_related("page"), pk=pk)


def _participants(session):
    # Enrolled first, then the waiting list in its order; cancellations are not participants.
    rows = list(session.enrolments.active().select_related("user").order_by("status", "id"))
    position = 0
    for row in rows:
        if row.status == Enrolment.Status.WAITLISTED:
            position += 1
            row.position = position
    return rows


@login_required
def participants(request, pk):
    session = _managed_session(request, pk)
    rows = _participants(session)
    return render(
        request,
        "training/participants.html",
        {
            "session": session,
            "module": session.page,
            "enrolled": [r for r in rows if r.status == Enrolment.Status.ENROLLED],
            "waitlisted": [r for r in rows if r.status == Enrolment.Status.WAITLISTED],
        },
    )


@login_required
def participants_csv(request, pk):
    session = _managed_session(request, pk)
    buffer = io.StringIO()
    # A byte-order mark: without it Excel reads UTF-8 as the local code page and garbles ë, ø and å.
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [_("Status"), _("Waiting list position"), _("First name"), _("Last name"), _("E-mail address"), _("Since")]
    )
    for row in _participants(session):
        writer.writerow(
            [
                row.get_status_display(),
                getattr(row, "position", ""),
                row.user.first_name,
                row.user.last_name,
                row.user.email,
                timezone.localtime(row.promoted_at or row.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    start = timezone.localtime(session.start).strftime("%Y-%m-%d")
    filename = f"{slugify(session.page.title)}-{start}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def cancel_session(request, pk):
    session = _managed_session(request, pk)
    if request.method == "POST" and not session.is_cancelled:
        services.cancel_session(session, by=request.user)
        messages.success(request, _("The session has been cancelled. Everyone enrolled or waiting has been informed."))
        return redirect("training:session_participants", pk=session.pk)
    return render(
        request,
        "training/cancel_session.html",
        {"session": session, "module": session.page, "affected": session.enrolments.active().count()},
    )


# Calendars


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _feed(request, sessions, name):
    sessions = sessions.planned().filter(end__gte=timezone.now() - FEED_HISTORY).order_by("start")
    events = [ical.session_event(s, page_url=s.page.get_full_url(request)) for s in sessions]
    return ical.calendar(events, name=name)


def calendar_feed(request):
    locale = Locale.objects.get(language_code=translation.get_language())
    sessions = _public_sessions().filter(page__locale=locale)
    return _calendar_response(_feed(request, sessions, _("Training sessions")), "training.ics")


def module_calendar(request, pk):
    module = get_object_or_404(TrainingModulePage.objects.live().public(), pk=pk)
    content = _feed(request, _public_sessions().filter(page=module), module.title)
    return _calendar_response(content, f"{module.slug}.ics")


def session_calendar(request, pk):
    session = get_object_or_404(_public_sessions(), pk=pk)
    content = ical.invitation(session, page_url=session.page.get_full_url(request), cancelled=session.is_cancelled)
    return _calendar_response(content, f"{session.page.slug}-{session.pk}.ics")


@login_required
def enrolment_calendar(request, pk):
    """The session for one's own calendar: with the meeting link while one has a place, as in the confirmation."""
    enrolment = get_object_or_404(
        Enrolment.objects.filter(user=request.user, session__in=_public_sessions()).select_related("session__page"),
        pk=pk,
    )
    session = enrolment.session
    content = ical.invitation(
        session,
        page_url=session.page.get_full_url(request),
        cancelled=session.is_cancelled or enrolment.status == Enrolment.Status.CANCELLED,
        participant=enrolment.status == Enrolment.Status.ENROLLED,
    )
    return _calendar_response(content, f"{session.page.slug}-{session.pk}.ics")


# Implementation trajectory


def _member_organisation(request, slug) -> Organisation:
    return get_object_or_404(permissions.trajectory_organisations(request.user), slug=slug)


@login_required
def trajectory_overview(request, slug):
    organisation = _member_organisation(request, slug)
    programme = services.programme_page()
    rows = services.trajectory(organisation, titles=services.step_titles(programme))
    return render(
        request,
        "training/trajectory.html",
        {
            "organisation": organisation,
            "rows": rows,
            "summary": services.trajectory_summary(rows),
            "can_edit": account_permissions.can_coordinate(request.user, organisation),
            "programme": programme,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def trajectory_edit(request, slug):
    organisation = get_object_or_404(account_permissions.coordinated_organisations(request.user), slug=slug)
    rows = services.trajectory(organisation)
    initial = [{"step": row.step, **{name: getattr(row, name) for name in services.TRAJECTORY_FIELDS}} for row in rows]
    formset = TrajectoryFormSet(request.POST or None, initial=initial, prefix="steps")
    if request.method == "POST" and formset.is_valid():
        services.save_trajectory(organisation, [form.cleaned_data for form in formset.forms], by=request.user)
        messages.success(
            request, _("The trajectory of %(organisation)s has been saved.") % {"organisation": organisation}
        )
        return redirect("training:trajectory", slug=organisation.slug)
    titles = {row.step: row.title for row in rows}
    for form in formset.forms:
        form.step_label = titles.get(form["step"].value(), "")
    return render(request, "training/trajectory_edit.html", {"organisation": organisation, "formset": formset})
