"""The coordinators' choices: the organisation's assumptions and benchmark opt-in, and who has management access."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.access import members_only
from accounts.models import Membership
from measurement import organisation as services
from measurement.errors import MeasurementError
from measurement.forms.organisation import AccessForm, SettingsForm
from measurement.models import ManagementAccess
from measurement.permissions import managed_organisations


def _managed(request, slug):
    # 404, not 403: people outside the coordinators need not learn what an organisation measures.
    return get_object_or_404(managed_organisations(request.user), slug=slug)


def _name(user) -> str:
    return user.get_full_name() or user.email


@members_only
@require_http_methods(["GET", "POST"])
def edit_settings(request, slug):
    organisation = _managed(request, slug)
    current = services.settings_of(organisation)
    initial = {
        "formal_procedure_hours": current.formal_procedure_hours,
        "named_in_benchmark": current.named_in_benchmark,
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_settings(organisation, **form.cleaned_data, by=request.user)
        except MeasurementError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The settings have been saved."))
            return redirect("measurement:settings", slug=organisation.slug)
    context = {"organisation": organisation, "form": form, "current": current}
    return render(request, "measurement/settings.html", context, status=400 if form.is_bound else 200)


@members_only
@require_http_methods(["GET", "POST"])
def access(request, slug):
    organisation = _managed(request, slug)
    form = AccessForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        member = form.cleaned_data["member"]
        try:
            services.grant_access(organisation, member, granted_by=request.user)
        except MeasurementError as error:
            form.add_error("member", str(error))
        else:
            messages.success(request, _("%(name)s may now read the dashboard.") % {"name": _name(member)})
            return redirect("measurement:access", slug=organisation.slug)
    rows = list(
        ManagementAccess.objects.filter(organisation=organisation)
        .select_related("user", "granted_by")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    active = set(
        Membership.objects.active()
        .filter(organisation=organisation, user__in=[row.user_id for row in rows])
        .values_list("user_id", flat=True)
    )
    for row in rows:
        row.counts = row.user_id in active  # access counts only while the person is an active member
    context = {"organisation": organisation, "form": form, "rows": rows}
    return render(request, "measurement/access.html", context, status=400 if form.is_bound else 200)


@members_only
@require_http_methods(["GET", "POST"])
def revoke_access(request, slug, pk):
    """GET asks to confirm; POST revokes."""
    organisation = _managed(request, slug)
    row = get_object_or_404(ManagementAccess.objects.select_related("user"), pk=pk, organisation=organisation)
    if request.method == "POST":
        try:
            services.revoke_access(row.pk, organisation=organisation, revoked_by=request.user)
        except MeasurementError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("%(name)s no longer reads the dashboard.") % {"name": _name(row.user)})
        return redirect("measurement:access", slug=organisation.slug)
    return render(request, "measurement/access_revoke.html", {"organisation": organisation, "row": row})
