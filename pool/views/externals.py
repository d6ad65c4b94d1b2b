"""External mediators: kept by the organisation's coordinators, read by its members (contract notes included)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.access import members_only
from pool import permissions
from pool.errors import PoolError
from pool.forms.externals import ExternalForm
from pool.queries import mediators as queries
from pool.services import externals as services
from pool.services.profiles import expertise_initial
from pool.views.profiles import coordinated_organisation


def _editable(request, pk):
    queryset = permissions.editable_externals(request.user).select_related("organisation")
    return get_object_or_404(queryset.prefetch_related("expertise"), pk=pk)


def _form_page(request, form, organisation, external=None):
    status = 400 if form.is_bound else 200
    context = {"form": form, "organisation": organisation, "external": external}
    return render(request, "pool/externals/form.html", context, status=status)


@members_only
@require_http_methods(["GET", "POST"])
def create(request, slug):
    organisation = coordinated_organisation(request, slug)
    form = ExternalForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            external = services.save_external(organisation, form.cleaned_data, by=request.user)
        except PoolError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The external mediator has been added."))
            return redirect("pool:external", pk=external.pk)
    return _form_page(request, form, organisation)


@members_only
def detail(request, pk):
    queryset = permissions.readable_externals(request.user).select_related("organisation", "contact_person")
    external = get_object_or_404(queryset, pk=pk)
    context = {
        "external": external,
        "expertise": queries.describe_expertise(external.expertise.all()),
        "can_edit": permissions.EDIT_EXTERNAL(request.user, external),
    }
    return render(request, "pool/externals/detail.html", context)


@members_only
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    external = _editable(request, pk)
    form = ExternalForm(
        request.POST or None,
        instance=external,
        initial=expertise_initial(external.expertise.all()),
        organisation=external.organisation,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_external(external.organisation, form.cleaned_data, by=request.user, external=external)
        except PoolError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The external mediator has been saved."))
            return redirect("pool:external", pk=external.pk)
    return _form_page(request, form, external.organisation, external)


@members_only
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    external = _editable(request, pk)
    if request.method == "POST":
        try:
            services.delete_external(external, by=request.user)
        except PoolError as error:
            messages.error(request, str(error))
            return redirect("pool:external", pk=external.pk)
        messages.success(request, _("%(name)s has been removed.") % {"name": external.name})
        return redirect("pool:organisation_mediators", slug=external.organisation.slug)
    return render(request, "pool/externals/delete.html", {"external": external})
