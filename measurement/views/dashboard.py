"""An organisation's dashboard: its figures for a chosen period, the CSV of them and a printable annual report.

Who may read it is `permissions.READ_DASHBOARD` (coordinators and the members they gave management access); the
organisation is looked up among those the person may read, so anyone else gets a 404 whether or not it exists.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from accounts.access import members_only
from core import csv as csv_file
from knowledge.training import services as trajectory_services
from measurement import evaluations, exports, figures, permissions
from measurement.forms.period import PeriodForm, report_year, report_years
from measurement.periods import Period


def _organisation(request, slug):
    return get_object_or_404(permissions.dashboard_organisations(request.user), slug=slug)


def _context(request, organisation, period: Period) -> dict:
    """What the dashboard and the report both show."""
    board = figures.dashboard(organisation, period)
    rows = trajectory_services.trajectory(organisation)
    return {
        "organisation": organisation,
        "period": period,
        "board": board,
        "charts": board.charts(),
        "trajectory_rows": rows,
        "trajectory_summary": trajectory_services.trajectory_summary(rows),
        "evaluation": evaluations.summary(organisation, period),
        "may_manage": permissions.can_manage_measurement(request.user, organisation),
    }


@require_safe
@members_only
def index(request):
    """The one dashboard the person may read, a choice when they may read several, or why there is none."""
    organisations = list(permissions.dashboard_organisations(request.user).order_by("name", "pk"))
    if len(organisations) == 1:
        return redirect("measurement:dashboard", slug=organisations[0].slug)
    return render(request, "measurement/index.html", {"organisations": organisations})


@require_safe
@members_only
def dashboard(request, slug):
    organisation = _organisation(request, slug)
    today = timezone.localdate()
    form = PeriodForm(request.GET, today=today)
    context = _context(request, organisation, form.period)
    context |= {"form": form, "quick_periods": form.quick_periods()}
    return render(request, "measurement/dashboard.html", context)


@require_safe
@members_only
def export_csv(request, slug):
    organisation = _organisation(request, slug)
    period = PeriodForm(request.GET, today=timezone.localdate()).period
    board = figures.dashboard(organisation, period)
    response = HttpResponse(csv_file.write(exports.rows(organisation, board)), content_type="text/csv; charset=utf-8")
    filename = f"{organisation.slug}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The figures are for the organisation's coordinators and management: no cache keeps them.
    add_never_cache_headers(response)
    return response


@require_safe
@members_only
def report(request, slug):
    organisation = _organisation(request, slug)
    today = timezone.localdate()
    year = report_year(request.GET.get("year"), today)
    period = Period.year(year)
    context = _context(request, organisation, period)
    context |= {"year": year, "years": report_years(today), "today": today, "partial": period.end > today}
    return render(request, "measurement/report.html", context)
