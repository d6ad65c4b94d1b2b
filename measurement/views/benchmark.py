"""The regional benchmark of an organisation: for those who may read its dashboard."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from accounts.access import members_only
from measurement import benchmark as rules
from measurement.forms.period import PeriodForm
from measurement.models import MeasurementSettings
from measurement.permissions import can_manage_measurement, dashboard_organisations


@members_only
@require_GET
def benchmark(request, slug):
    organisation = get_object_or_404(dashboard_organisations(request.user), slug=slug)
    form = PeriodForm(request.GET, today=timezone.localdate())
    period = form.period
    result = rules.benchmark(organisation, period)
    context = {
        "organisation": organisation,
        "benchmark": result,
        "period": period,
        "form": form,
        "quick_periods": form.quick_periods(),
        "chart": rules.chart(result) if result.has_pool else None,
        "named": MeasurementSettings.objects.filter(organisation=organisation, named_in_benchmark=True).exists(),
        "may_manage": can_manage_measurement(request.user, organisation),
    }
    return render(request, "measurement/benchmark.html", context)
