"""Asking a network for a mediator: the pool's start page, the request form, the request page and its decisions.

Every object is found in the queryset of what the person may see (`pool.permissions`): anyone outside the network
gets a 404, never a hint that the request exists. Decisions are POST-only and taken by `pool.services.requests`;
a refusal there (`PoolError`) comes back as a message, and a form with mistakes is shown again with everything
that was typed.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import members_only
from accounts.models import Membership, Organisation
from pool import permissions
from pool.choices import OfferStatus, RequestStatus
from pool.errors import PoolError
from pool.forms.requests import PERSONAL_DATA_REMINDER, HoursForm, OfferForm, ReasonForm, RequestForm
from pool.models import ConflictDeclaration, Loan, MediatorRequest, Offer
from pool.queries import requests as queries
from pool.services import requests as services


def _back(mediator_request):
    return redirect("pool:request", pk=mediator_request.pk)


# --- the pool's start page -----------------------------------------------------------------------------------------


@members_only
def index(request):
    return render(request, "pool/requests/index.html", queries.start_page(request.user))


# --- asking --------------------------------------------------------------------------------------------------------


def create(request, slug):
    user = request.user
    network = get_object_or_404(permissions.readable_networks(user), slug=slug)
    if not permissions.can_ask(user, network):
        return render(request, "pool/requests/cannot_ask.html", {"network": network}, status=403)
    organisations = Organisation.objects.filter(pk__in=permissions.asking_organisation_ids(user, network)).order_by(
        "name"
    )
    form = RequestForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            mediator_request = services.create_request(
                network,
                user,
                organisation=data["organisation"],
                title=data["title"],
                conflict_kind=data["conflict_kind"],
                domain=data["domain"],
                language=data["language"],
                urgency=data["urgency"],
                period_start=data.get("period_start"),
                period_end=data.get("period_end"),
                description=data["description"],
            )
        except PoolError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("Your request has been posted. The pool mediators of the other organisations are told.")
            )
            return redirect("pool:request", pk=mediator_request.pk)
    return render(
        request, "pool/requests/create.html", {"network": network, "form": form, "reminder": PERSONAL_DATA_REMINDER}
    )


# --- the request page ----------------------------------------------------------------------------------------------


def _readable_request(request, pk) -> MediatorRequest:
    return get_object_or_404(
        permissions.readable_requests(request.user).select_related("network", "organisation", "requested_by"), pk=pk
    )


def _contacts(loan) -> dict:
    """Who the parties of an approved loan can reach: the mediator, the person who asked, both coordinators."""
    organisations = [loan.lending_organisation_id, loan.borrowing_organisation_id]
    rows = Membership.objects.active().filter(organisation_id__in=organisations, role=Membership.Role.COORDINATOR)
    coordinators = {"lending": [], "borrowing": []}
    for row in rows.select_related("user").order_by("user__last_name", "user__first_name"):
        side = "lending" if row.organisation_id == loan.lending_organisation_id else "borrowing"
        coordinators[side].append(row.user)
    mediator = loan.mediator
    requester = loan.request.requested_by
    if requester is not None and not requester.is_active:
        requester = None
    # Someone who is both the requester (or the mediator) and a coordinator is listed once.
    listed = {user.pk for user in (requester, mediator.user if mediator else None) if user is not None}
    coordinators = {side: [user for user in users if user.pk not in listed] for side, users in coordinators.items()}
    return {
        "mediator": mediator,
        "mediator_user": mediator.user if mediator else None,
        "requester": requester,
        "lending_coordinators": coordinators["lending"],
        "borrowing_coordinators": coordinators["borrowing"],
    }


def _detail(request, mediator_request, *, status=200, **forms):
    user = request.user
    profile = permissions.own_pool_profile(user)
    can_manage = permissions.can_manage_request(user, mediator_request)
    coordinated = permissions.coordinated_organisation_ids(user)
    offers = list(mediator_request.offers.select_related("mediator__user", "organisation").order_by("created_at"))
    shown = [
        offer
        for offer in offers
        if can_manage or offer.mediator.user_id == user.pk or offer.organisation_id in coordinated
    ]
    for offer in shown:
        offer.may_choose = can_manage and mediator_request.is_open and offer.is_open
        offer.may_approve = permissions.can_approve(user, offer) and mediator_request.is_chosen
        offer.may_withdraw = offer.mediator.user_id == user.pk and offer.is_open
        offer.show_reason = offer.status in (OfferStatus.DECLINED, OfferStatus.REFUSED, OfferStatus.WITHDRAWN)
    loan = Loan.objects.filter(request=mediator_request).select_related("mediator__user", "offer").first()
    if loan is not None:
        loan.request = mediator_request
    closed = mediator_request.status in (RequestStatus.COMPLETED, RequestStatus.WITHDRAWN)
    in_network = profile is not None and profile.organisation_id in permissions.organisations_in_networks(
        [mediator_request.network_id]
    )
    own_organisation = profile is not None and profile.organisation_id == mediator_request.organisation_id
    declared = (
        profile is not None and ConflictDeclaration.objects.filter(request=mediator_request, mediator=profile).exists()
    )
    own_offer = next((offer for offer in offers if profile is not None and offer.mediator_id == profile.pk), None)
    can_record = (
        loan is not None
        and mediator_request.status in (RequestStatus.LOANED, RequestStatus.COMPLETED)
        and permissions.can_record_hours(user, loan)
    )
    context = {
        "mediator_request": mediator_request,
        "offers": shown,
        "offer_count": sum(1 for offer in offers if offer.status in queries.ACTIVE_OFFER_STATUSES),
        "can_manage": can_manage,
        "can_offer": permissions.can_offer(user, mediator_request),
        "can_declare": in_network
        and not own_organisation
        and not declared
        and not closed
        and not (own_offer is not None and own_offer.is_approved),
        "declared": declared,
        "own_organisation": own_organisation,
        "can_withdraw": can_manage and not closed and not (loan is not None and loan.has_hours),
        "loan": loan,
        "contacts": _contacts(loan) if loan is not None and permissions.can_see_contacts(user, loan) else None,
        "can_record": can_record,
        "offer_form": forms.get("offer_form") or OfferForm(),
        "withdraw_form": forms.get("withdraw_form") or _withdraw_form(),
        "refuse_form": forms.get("refuse_form") or _refuse_form(),
        "refuse_offer": forms.get("refuse_offer"),
        "hours_form": forms.get("hours_form") or _hours_form(loan),
    }
    return render(request, "pool/requests/detail.html", context, status=status)


def _hours_form(loan):
    if loan is not None and loan.has_hours:
        return HoursForm(initial={"hours": loan.hours, "completed_on": loan.completed_on})
    return HoursForm()


def _withdraw_form(data=None):
    return ReasonForm(
        data,
        prefix="withdraw",
        label=_("Why do you withdraw the request?"),
        help_text=_("The mediators who offered read this. No names or other personal data."),
    )


def _refuse_form(data=None):
    return ReasonForm(
        data,
        prefix="refuse",
        label=_("Why is the loan not approved?"),
        help_text=_("The mediator and the requester read this. No names or other personal data."),
    )


def detail(request, pk):
    return _detail(request, _readable_request(request, pk))


@require_POST
def make_offer(request, pk):
    mediator_request = _readable_request(request, pk)
    form = OfferForm(request.POST)
    if not form.is_valid():
        return _detail(request, mediator_request, offer_form=form)
    try:
        services.make_offer(mediator_request.pk, request.user, form.cleaned_data["message"])
    except PoolError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your offer has been sent. The requester chooses one of the offers."))
    return _back(mediator_request)


@require_POST
def declare_conflict(request, pk):
    mediator_request = _readable_request(request, pk)
    try:
        services.declare_conflict(mediator_request.pk, request.user)
    except PoolError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your conflict of interest is recorded. You will not be asked about this request."))
    return _back(mediator_request)


@require_POST
def withdraw(request, pk):
    mediator_request = get_object_or_404(permissions.manageable_requests(request.user), pk=pk)
    form = _withdraw_form(request.POST)
    if not form.is_valid():
        return _detail(request, _readable_request(request, pk), withdraw_form=form)
    try:
        services.withdraw_request(mediator_request.pk, request.user, form.cleaned_data["reason"])
    except PoolError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The request has been withdrawn."))
    return _back(mediator_request)


@require_POST
def choose(request, pk):
    offer = get_object_or_404(Offer.objects.filter(request__in=permissions.manageable_requests(request.user)), pk=pk)
    try:
        services.choose_offer(offer.pk, request.user)
    except PoolError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("You chose this offer. A coordinator of the mediator's organisation is asked to approve the loan."),
        )
    return redirect("pool:request", pk=offer.request_id)


@require_POST
def withdraw_offer(request, pk):
    offer = get_object_or_404(Offer.objects.filter(mediator__user_id=request.user.pk), pk=pk)
    try:
        services.withdraw_offer(offer.pk, request.user)
    except PoolError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your offer has been withdrawn."))
    return redirect("pool:request", pk=offer.request_id)


def _lent_offer(request, pk) -> Offer:
    coordinated = permissions.coordinated_organisation_ids(request.user)
    return get_object_or_404(Offer.objects.filter(organisation_id__in=coordinated), pk=pk)


@require_POST
def approve(request, pk):
    offer = _lent_offer(request, pk)
    try:
        services.approve_offer(offer.pk, request.user)
    except PoolError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The loan is approved. The mediator and the requester now see each other's details.")
        )
    return redirect("pool:request", pk=offer.request_id)


@require_POST
def refuse(request, pk):
    offer = _lent_offer(request, pk)
    form = _refuse_form(request.POST)
    if not form.is_valid():
        return _detail(request, _readable_request(request, offer.request_id), refuse_form=form, refuse_offer=offer.pk)
    try:
        services.refuse_offer(offer.pk, request.user, form.cleaned_data["reason"])
    except PoolError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The loan is not approved. The requester can choose another offer."))
    return redirect("pool:request", pk=offer.request_id)


@require_POST
def record_hours(request, pk):
    loan = get_object_or_404(permissions.recordable_loans(request.user), pk=pk)
    form = HoursForm(request.POST)
    if not form.is_valid():
        return _detail(request, _readable_request(request, loan.request_id), hours_form=form)
    try:
        services.record_hours(loan.pk, request.user, form.cleaned_data["hours"], form.cleaned_data["completed_on"])
    except PoolError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The hours are recorded and the request is completed. Thank you."))
    return redirect("pool:request", pk=loan.request_id)
