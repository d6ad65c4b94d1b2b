"""Regional networks: the directory, a network's page, asking to join, deciding on it, the agreements and the ledger.

The directory and asking to join are for members: a visitor is sent to log in, a logged-in non-member is told why
not (`accounts.access`). A network's own pages are found in `permissions.readable_networks` (or
`coordinated_networks` for what only its coordinators do): anyone else, visitors included, gets a 404, as if the
network's page did not exist.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

from accounts.access import members_only
from accounts.models import Organisation
from core.markup import render_markdown
from core.params import positive_int
from pool import ledger as ledgers
from pool import permissions
from pool.choices import NetworkMembershipStatus
from pool.errors import PoolError
from pool.forms.networks import AgreementsForm, DecideForm, JoinForm
from pool.models import Network, NetworkMembership
from pool.queries import networks as queries
from pool.services import networks as services


def _readable(request, slug) -> Network:
    return get_object_or_404(permissions.readable_networks(request.user), slug=slug)


def _coordinated(request, slug) -> Network:
    return get_object_or_404(permissions.coordinated_networks(request.user), slug=slug)


# --- the directory and a network's page ----------------------------------------------------------------------------


@members_only
def directory(request):
    return render(request, "pool/networks/directory.html", {"entries": queries.directory(request.user)})


def detail(request, slug):
    network = _readable(request, slug)
    overview = queries.network_overview(request.user, network)
    return render(
        request,
        "pool/networks/detail.html",
        {
            "network": network,
            "overview": overview,
            "agreements": render_markdown(network.agreements),
            "decide_form": DecideForm(),
        },
    )


# --- joining -----------------------------------------------------------------------------------------------------


def _askable_organisations(request, network):
    """The person's coordinated organisations that may ask this network: not in it, not waiting for an answer."""
    waiting_or_in = NetworkMembership.objects.filter(
        network=network, status__in=(NetworkMembershipStatus.ACTIVE, NetworkMembershipStatus.REQUESTED)
    ).values("organisation")
    return list(
        Organisation.objects.filter(pk__in=permissions.coordinated_organisation_ids(request.user))
        .exclude(pk__in=waiting_or_in)
        .order_by("name")
    )


@members_only
def join(request, slug):
    network = get_object_or_404(Network, slug=slug)
    organisations = _askable_organisations(request, network)
    if not organisations:
        if not permissions.coordinated_organisation_ids(request.user):
            messages.error(request, gettext("Only a coordinator of an organisation can ask to join a network."))
        else:
            messages.info(request, gettext("Your organisations have already asked to join this network or take part."))
        return redirect("pool:networks")
    if request.method == "POST":
        form = JoinForm(request.POST, organisations=organisations)
        if form.is_valid():
            organisation = form.chosen_organisation()
            try:
                services.ask_to_join(request.user, network, organisation, form.cleaned_data["motivation"])
            except PoolError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request,
                    gettext("%(organisation)s has asked to join %(network)s. The network coordinators decide.")
                    % {"organisation": organisation.name, "network": network.name},
                )
                return redirect("pool:networks")
    else:
        chosen = positive_int(request.GET.get("organisation"))
        initial = {"organisation": chosen} if any(org.pk == chosen for org in organisations) else {}
        form = JoinForm(organisations=organisations, initial=initial)
    return render(request, "pool/networks/join.html", {"network": network, "form": form})


# --- what the network's coordinators do --------------------------------------------------------------------------


def decide_membership(request, slug, pk):
    network = _coordinated(request, slug)
    membership = get_object_or_404(
        NetworkMembership.objects.select_related("organisation", "requested_by", "decided_by"), network=network, pk=pk
    )
    if request.method == "POST":
        form = DecideForm(request.POST)
        if form.is_valid():
            decision = form.cleaned_data["decision"]
            try:
                services.decide_membership(request.user, membership.pk, decision, form.cleaned_data["reason"])
            except PoolError as error:
                form.add_error(None, str(error))
            else:
                text = (
                    gettext("%(organisation)s now takes part in the network.")
                    if decision == services.ADMIT
                    else gettext("The request of %(organisation)s is declined; its coordinators can read your reason.")
                )
                messages.success(request, text % {"organisation": membership.organisation.name})
                return redirect("pool:network", slug=network.slug)
    else:
        form = DecideForm()
    return render(request, "pool/networks/decide.html", {"network": network, "membership": membership, "form": form})


def edit_agreements(request, slug):
    network = _coordinated(request, slug)
    based_on = network.agreements_updated_at.isoformat() if network.agreements_updated_at else ""
    if request.method == "POST":
        form = AgreementsForm(request.POST)
        if form.is_valid():
            try:
                services.save_agreements(
                    request.user, network, form.cleaned_data["agreements"], based_on=form.cleaned_data["based_on"]
                )
            except PoolError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, gettext("The agreements are saved."))
                return redirect("pool:network", slug=network.slug)
    else:
        form = AgreementsForm(initial={"agreements": network.agreements, "based_on": based_on})
    return render(request, "pool/networks/agreements.html", {"network": network, "form": form})


# --- the ledger --------------------------------------------------------------------------------------------------


def ledger(request, slug):
    network = _readable(request, slug)
    years = ledgers.ledger_years(network)
    year = ledgers.choose_year(years, request.GET.get("year"))
    book = ledgers.ledger(network, year)
    return render(
        request,
        "pool/networks/ledger.html",
        {
            "network": network,
            "book": book,
            "bars": ledgers.chart_bars(book),
            "years": sorted({*years, year}, reverse=True),
        },
    )


def ledger_csv(request, slug):
    network = _readable(request, slug)
    years = ledgers.ledger_years(network)
    year = ledgers.choose_year(years, request.GET.get("year"))
    response = HttpResponse(ledgers.ledger_csv(ledgers.ledger(network, year)), content_type="text/csv; charset=utf-8")
    filename = f"{network.slug}-hours-{year}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A ledger is for the network's members: no cache keeps it.
    add_never_cache_headers(response)
    return response
