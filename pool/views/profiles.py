"""Mediator profiles: one's own, a colleague's, and the coordinator's screen of the organisation's mediators.

Every page is for members only (`members_only`): a visitor is sent to log in and comes back to the same address,
filters included; a logged-in non-member gets the page that explains their membership. Objects are found in the
querysets of `pool.permissions`: whoever may not see one gets a 404.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.access import members_only
from accounts.models import Organisation
from pool import permissions
from pool.errors import PoolError
from pool.forms.profiles import ConsentDecisionForm, ProfileForm, RequesterForm
from pool.models import MediatorProfile, Requester
from pool.queries import mediators as queries
from pool.services import profiles as services


def coordinated_organisation(request, slug) -> Organisation:
    # 404, not 403: people outside the organisation need not learn who coordinates what.
    ids = permissions.coordinated_organisation_ids(request.user)
    return get_object_or_404(Organisation.objects.filter(pk__in=ids), slug=slug)


# --- my profile ----------------------------------------------------------------------------------------------------


@members_only
@require_http_methods(["GET", "POST"])
def my_profile(request):
    profile = MediatorProfile.objects.filter(user=request.user).prefetch_related("expertise").first()
    initial = services.expertise_initial(profile.expertise.all()) if profile else {}
    form = ProfileForm(request.POST or None, instance=profile, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_profile(request.user, form.cleaned_data)
        except PoolError as error:
            messages.error(request, str(error))
        else:
            if saved.consent_requested:
                messages.success(
                    request,
                    _(
                        "Your mediator profile has been saved. A coordinator of %(organisation)s confirms that you "
                        "may be lent out before other organisations see you in the pool."
                    )
                    % {"organisation": saved.profile.organisation},
                )
            else:
                messages.success(request, _("Your mediator profile has been saved."))
            return redirect("pool:my_profile")
    status = 400 if form.is_bound else 200
    return render(request, "pool/profiles/my_profile.html", {"form": form, "profile": profile}, status=status)


@members_only
@require_http_methods(["GET", "POST"])
def delete_profile(request):
    profile = get_object_or_404(MediatorProfile, user=request.user)
    if request.method == "POST":
        services.delete_profile(request.user)
        messages.success(request, _("Your mediator profile has been removed."))
        return redirect("accounts:profile")
    return render(request, "pool/profiles/delete.html", {"profile": profile})


# --- a profile -----------------------------------------------------------------------------------------------------


@members_only
def profile_detail(request, pk):
    profile = get_object_or_404(
        permissions.readable_profiles(request.user).select_related("user", "organisation"), pk=pk
    )
    context = {"profile": profile, **queries.profile_detail(profile, request.user)}
    return render(request, "pool/profiles/detail.html", context)


# --- the coordinator's screens -------------------------------------------------------------------------------------


@members_only
def organisation_mediators(request, slug):
    organisation = coordinated_organisation(request, slug)
    context = {"organisation": organisation, **queries.organisation_mediators(request.user, organisation)}
    return render(request, "pool/profiles/organisation_mediators.html", context)


@members_only
@require_POST
def decide_consent(request, slug, pk):
    organisation = coordinated_organisation(request, slug)
    profile = get_object_or_404(
        permissions.confirmable_profiles(request.user).filter(organisation=organisation).select_related("user"), pk=pk
    )
    form = ConsentDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That decision could not be processed. Please try again."))
    else:
        confirm = form.cleaned_data["decision"] == "confirm"
        try:
            services.decide_consent(profile.pk, confirm=confirm, decided_by=request.user)
        except PoolError as error:
            messages.warning(request, str(error))
        else:
            if confirm:
                message = _("%(name)s may now be lent to the organisations in your networks.")
            else:
                message = _("%(name)s is not in the pool.")
            messages.success(request, message % {"name": profile})
    return redirect("pool:organisation_mediators", slug=organisation.slug)


@members_only
@require_http_methods(["GET", "POST"])
def requesters(request, slug):
    organisation = coordinated_organisation(request, slug)
    form = RequesterForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_requester(organisation, form.cleaned_data["member"], granted_by=request.user)
        except PoolError as error:
            messages.error(request, str(error))
        else:
            name = form.cleaned_data["member"].get_full_name() or form.cleaned_data["member"].email
            messages.success(request, _("%(name)s may now ask the networks for a mediator.") % {"name": name})
            return redirect("pool:requesters", slug=organisation.slug)
    rows = (
        Requester.objects.filter(organisation=organisation)
        .select_related("user", "granted_by")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    status = 400 if form.is_bound else 200
    context = {"organisation": organisation, "form": form, "requesters": rows}
    return render(request, "pool/profiles/requesters.html", context, status=status)


@members_only
@require_POST
def remove_requester(request, slug, pk):
    organisation = coordinated_organisation(request, slug)
    requester = get_object_or_404(Requester.objects.select_related("user"), pk=pk, organisation=organisation)
    try:
        services.remove_requester(requester.pk, organisation=organisation, removed_by=request.user)
    except PoolError as error:
        messages.error(request, str(error))
    else:
        name = requester.user.get_full_name() or requester.user.email
        messages.success(request, _("%(name)s can no longer ask the networks.") % {"name": name})
    return redirect("pool:requesters", slug=organisation.slug)
