"""Asking a network for a mediator: requests, offers, conflicts of interest, the choice, the lending coordinator's
approval, and the hours afterwards.

Each function is one transaction. Two people can act on the same things at once (two requesters choosing the same
mediator, two coordinators approving the same offer), so the rows a decision depends on are locked, always in the
same order — the request, then the mediator's profile, then the offer — so that two decisions never wait on each
other. A mediator's capacity is counted while their profile is locked: of two simultaneous choices of the same
mediator, the second sees the first once it commits. The partial unique constraint
`pool_offer_one_committed_per_request` guards the one-chosen-offer-per-request rule even if this code is bypassed.

Notifications are recorded after the commit (`notifications.services.notify` waits for it), and the fan-out of a
new request to the network's pool mediators runs as a background task, so a rolled-back change tells nobody.
"""

from datetime import date, datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pool import notifications, permissions
from pool.choices import COMMITTED_OFFER_STATUSES, OfferStatus, RequestStatus
from pool.errors import PoolError
from pool.models import ConflictDeclaration, Loan, MediatorProfile, MediatorRequest, Offer
from pool.tasks import announce_new_request

# Reasons the platform itself stores when an offer is closed by a decision; stored in English and shown in each
# reader's language (pool_request_tags.reason_text), as mediators and requesters may read different languages.
ANOTHER_OFFER_CHOSEN = gettext_noop("Another offer was chosen.")
CONFLICT_DECLARED = gettext_noop("Conflict of interest declared.")
SYSTEM_REASONS = (ANOTHER_OFFER_CHOSEN, CONFLICT_DECLARED)


def _now(now):
    return now or timezone.now()


def quarter_bounds(moment: datetime) -> tuple[datetime, datetime]:
    """The calendar quarter (in the site's time zone) that `moment` falls in, as [start, end)."""
    local = timezone.localtime(moment)
    first_month = 3 * ((local.month - 1) // 3) + 1
    start = local.replace(month=first_month, day=1, hour=0, minute=0, second=0, microsecond=0)
    end = start.replace(year=start.year + 1, month=1) if first_month == 10 else start.replace(month=first_month + 3)
    return start, end


def committed_this_quarter(profile, moment: datetime, *, excluding=None) -> int:
    """The mediator's chosen or approved offers whose choice falls in the quarter of `moment`."""
    start, end = quarter_bounds(moment)
    offers = Offer.objects.filter(
        mediator=profile, status__in=COMMITTED_OFFER_STATUSES, committed_at__gte=start, committed_at__lt=end
    )
    if excluding is not None:
        offers = offers.exclude(pk=excluding.pk)
    return offers.count()


def _check_capacity(profile, moment, *, excluding=None) -> None:
    if committed_this_quarter(profile, moment, excluding=excluding) >= profile.capacity_per_quarter:
        raise PoolError(_("This mediator has no room left this quarter."))


def _in_pool(profile) -> bool:
    return permissions.pool_profiles().filter(pk=profile.pk).exists()


def _locked_request(request_id) -> MediatorRequest:
    try:
        return MediatorRequest.objects.select_for_update(of=("self",)).select_related("network").get(pk=request_id)
    except MediatorRequest.DoesNotExist:
        raise PoolError(_("This request no longer exists.")) from None


def _locked_offer_with_request(offer_id) -> tuple[Offer, MediatorRequest, MediatorProfile]:
    """The offer, its request and its mediator's profile, locked in the house order: request, profile, offer."""
    found = Offer.objects.filter(pk=offer_id).values("request_id", "mediator_id").first()
    if found is None:
        raise PoolError(_("This offer no longer exists."))
    request = _locked_request(found["request_id"])
    profile = MediatorProfile.objects.select_for_update().get(pk=found["mediator_id"])
    offer = Offer.objects.select_for_update().get(pk=offer_id)
    return offer, request, profile


# --- requests ------------------------------------------------------------------------------------------------------


def create_request(
    network,
    user,
    *,
    organisation,
    title: str,
    conflict_kind: str,
    domain: str,
    language: str,
    urgency: str,
    description: str,
    period_start: date | None = None,
    period_end: date | None = None,
    now=None,
) -> MediatorRequest:
    """Post a request to `network` on behalf of `organisation`; the other organisations' pool mediators hear of it."""
    if organisation.pk not in permissions.asking_organisation_ids(user, network):
        raise PoolError(_("You cannot ask this network for a mediator on behalf of this organisation."))
    if period_start and period_end and period_end < period_start:
        raise PoolError(_("The end of the wished period cannot be before its start."))
    with transaction.atomic():
        mediator_request = MediatorRequest.objects.create(
            network=network,
            organisation=organisation,
            requested_by=user,
            title=title,
            conflict_kind=conflict_kind,
            domain=domain,
            language=language,
            urgency=urgency,
            period_start=period_start,
            period_end=period_end,
            description=description,
            created_at=_now(now),
        )
        # The fan-out to every pool mediator of the network is one task, queued with the request (committed with it).
        announce_new_request.enqueue(mediator_request.pk)
    return mediator_request


def withdraw_request(request_id: int, user, reason: str, *, now=None) -> MediatorRequest:
    """The requester (or their coordinator) calls the request off, with a reason the mediators who offered see.

    Possible until hours are recorded: a loan that was approved but never started stays on record without hours, so
    it counts for nobody in the ledger.
    """
    reason = (reason or "").strip()
    if not reason:
        raise PoolError(_("Give a reason for withdrawing the request."))
    now = _now(now)
    with transaction.atomic():
        mediator_request = _locked_request(request_id)
        if not permissions.can_manage_request(user, mediator_request):
            raise PoolError(_("Only the person who asked and their coordinators can withdraw this request."))
        if mediator_request.status in (RequestStatus.COMPLETED, RequestStatus.WITHDRAWN):
            raise PoolError(_("This request is already closed."))
        loan = Loan.objects.filter(request=mediator_request).first()
        if loan is not None and loan.has_hours:
            raise PoolError(_("The hours of this loan are recorded: the request can no longer be withdrawn."))
        closing = list(
            Offer.objects.select_for_update().filter(
                request=mediator_request, status__in=(OfferStatus.OPEN, OfferStatus.CHOSEN)
            )
        )
        Offer.objects.filter(pk__in=[o.pk for o in closing]).update(
            status=OfferStatus.DECLINED, reason=reason, decided_at=now, decided_by=user
        )
        mediator_request.status = RequestStatus.WITHDRAWN
        mediator_request.close_reason = reason
        mediator_request.closed_at = now
        mediator_request.closed_by = user
        mediator_request.save(update_fields=["status", "close_reason", "closed_at", "closed_by", "updated_at"])
        for offer in closing:
            notifications.tell_mediator(offer, actor=user)
        if loan is not None and loan.offer_id:
            notifications.tell_mediator(loan.offer, actor=user)
    return mediator_request


# --- offers and conflicts of interest ------------------------------------------------------------------------------


def _pool_profile_for(user, mediator_request) -> MediatorProfile:
    profile = permissions.own_pool_profile(user)
    if profile is None:
        raise PoolError(_("Only pool mediators confirmed by their coordinator can do this."))
    if not permissions.can_read_request(user, mediator_request):
        raise PoolError(_("This request is not in one of your networks."))
    if profile.organisation_id == mediator_request.organisation_id:
        raise PoolError(
            _(
                "This request comes from your own organisation: a pool mediator never takes their own "
                "organisation's case."
            )
        )
    return profile


def make_offer(request_id: int, user, message: str = "", *, now=None) -> Offer:
    """A pool mediator of another organisation in the network offers to take the request."""
    with transaction.atomic():
        mediator_request = _locked_request(request_id)
        profile = _pool_profile_for(user, mediator_request)
        if not mediator_request.is_open:
            raise PoolError(_("This request no longer takes offers."))
        if ConflictDeclaration.objects.filter(request=mediator_request, mediator=profile).exists():
            raise PoolError(_("You declared a conflict of interest on this request."))
        if Offer.objects.filter(request=mediator_request, mediator=profile).exists():
            raise PoolError(_("You have already offered to take this request."))
        if not permissions.can_offer(user, mediator_request):
            raise PoolError(_("Your organisation does not take part in this network."))
        try:
            with transaction.atomic():
                offer = Offer.objects.create(
                    request=mediator_request,
                    mediator=profile,
                    organisation_id=profile.organisation_id,
                    message=(message or "").strip(),
                    created_at=_now(now),
                )
        except IntegrityError:
            raise PoolError(_("You have already offered to take this request.")) from None
        notifications.tell_requesters(offer, actor=user)
    return offer


def declare_conflict(request_id: int, user, *, now=None) -> ConflictDeclaration:
    """The mediator is not to be asked about this request: their open offer (or chosen one) is withdrawn."""
    now = _now(now)
    with transaction.atomic():
        mediator_request = _locked_request(request_id)
        profile = _pool_profile_for(user, mediator_request)
        if mediator_request.status in (RequestStatus.COMPLETED, RequestStatus.WITHDRAWN):
            raise PoolError(_("This request is already closed."))
        own = Offer.objects.select_for_update().filter(request=mediator_request, mediator=profile).first()
        if own is not None and own.is_approved:
            raise PoolError(
                _("The loan for this request is already approved: talk to the requester and your coordinator.")
            )
        declaration, _created = ConflictDeclaration.objects.get_or_create(
            request=mediator_request, mediator=profile, defaults={"created_at": now}
        )
        if own is not None and own.status in (OfferStatus.OPEN, OfferStatus.CHOSEN):
            was_chosen = own.is_chosen
            own.status = OfferStatus.WITHDRAWN
            own.reason = CONFLICT_DECLARED
            own.decided_at, own.decided_by = now, user
            own.save(update_fields=["status", "reason", "decided_at", "decided_by"])
            if was_chosen:
                mediator_request.status = RequestStatus.OPEN
                mediator_request.save(update_fields=["status", "updated_at"])
                notifications.tell_requesters(own, actor=user)
    return declaration


def withdraw_offer(offer_id: int, user, *, now=None) -> Offer:
    """The mediator takes back an offer that has not been chosen yet."""
    with transaction.atomic():
        offer, _request, profile = _locked_offer_with_request(offer_id)
        if profile.user_id != user.pk:
            raise PoolError(_("Only the mediator who made this offer can withdraw it."))
        if not offer.is_open:
            raise PoolError(_("Only an offer that has not been chosen can be withdrawn."))
        offer.status = OfferStatus.WITHDRAWN
        offer.decided_at, offer.decided_by = _now(now), user
        offer.save(update_fields=["status", "decided_at", "decided_by"])
    return offer


# --- choosing and approving ----------------------------------------------------------------------------------------


def choose_offer(offer_id: int, user, *, now=None) -> Offer:
    """The requester picks one offer; the mediator's organisation's coordinator is asked to approve the loan.

    The choice takes a place in the mediator's capacity for the current quarter.
    """
    now = _now(now)
    with transaction.atomic():
        offer, mediator_request, profile = _locked_offer_with_request(offer_id)
        if not permissions.can_manage_request(user, mediator_request):
            raise PoolError(_("Only the person who asked and their coordinators can choose an offer."))
        if not mediator_request.is_open:
            raise PoolError(_("An offer has already been chosen for this request, or it is closed."))
        if not offer.is_open:
            raise PoolError(_("This offer is no longer open."))
        if not _in_pool(profile):
            raise PoolError(_("This mediator is no longer available to the pool."))
        _check_capacity(profile, now)
        offer.status = OfferStatus.CHOSEN
        offer.committed_at = now
        offer.decided_at, offer.decided_by = now, user
        mediator_request.status = RequestStatus.CHOSEN
        mediator_request.save(update_fields=["status", "updated_at"])
        try:
            with transaction.atomic():
                offer.save(update_fields=["status", "committed_at", "decided_at", "decided_by"])
        except IntegrityError:
            raise PoolError(_("An offer has already been chosen for this request, or it is closed.")) from None
        notifications.tell_lenders(offer, actor=user)
    return offer


def approve_offer(offer_id: int, user, *, now=None) -> Loan:
    """The lending organisation's coordinator approves: the loan starts, contact details are exchanged, and the
    other offers are closed."""
    now = _now(now)
    with transaction.atomic():
        offer, mediator_request, profile = _locked_offer_with_request(offer_id)
        if offer.organisation_id not in permissions.coordinated_organisation_ids(user):
            raise PoolError(_("Only a coordinator of the mediator's organisation can approve this loan."))
        if not offer.is_chosen or not mediator_request.is_chosen:
            raise PoolError(_("This offer is not waiting for approval."))
        if not _in_pool(profile):
            raise PoolError(_("This mediator is no longer available to the pool."))
        _check_capacity(profile, offer.committed_at or now, excluding=offer)
        offer.status = OfferStatus.APPROVED
        offer.decided_at, offer.decided_by = now, user
        offer.save(update_fields=["status", "decided_at", "decided_by"])
        loan = Loan.objects.create(
            request=mediator_request,
            offer=offer,
            mediator=profile,
            network_id=mediator_request.network_id,
            lending_organisation_id=offer.organisation_id,
            borrowing_organisation_id=mediator_request.organisation_id,
            approved_by=user,
            approved_at=now,
        )
        mediator_request.status = RequestStatus.LOANED
        mediator_request.save(update_fields=["status", "updated_at"])
        others = list(Offer.objects.select_for_update().filter(request=mediator_request, status=OfferStatus.OPEN))
        Offer.objects.filter(pk__in=[o.pk for o in others]).update(
            status=OfferStatus.DECLINED, reason=ANOTHER_OFFER_CHOSEN, decided_at=now, decided_by=user
        )
        notifications.tell_parties(offer, actor=user)
        for other in others:
            notifications.tell_mediator(other, actor=user)
    return loan


def refuse_offer(offer_id: int, user, reason: str, *, now=None) -> Offer:
    """The lending organisation's coordinator does not let the mediator go: the requester can choose again."""
    reason = (reason or "").strip()
    if not reason:
        raise PoolError(_("Give a reason for not approving the loan."))
    now = _now(now)
    with transaction.atomic():
        offer, mediator_request, _profile = _locked_offer_with_request(offer_id)
        if offer.organisation_id not in permissions.coordinated_organisation_ids(user):
            raise PoolError(_("Only a coordinator of the mediator's organisation can refuse this loan."))
        if not offer.is_chosen:
            raise PoolError(_("This offer is not waiting for approval."))
        offer.status = OfferStatus.REFUSED
        offer.reason = reason
        offer.decided_at, offer.decided_by = now, user
        offer.save(update_fields=["status", "reason", "decided_at", "decided_by"])
        if mediator_request.is_chosen:
            mediator_request.status = RequestStatus.OPEN
            mediator_request.save(update_fields=["status", "updated_at"])
        notifications.tell_parties(offer, actor=user)
    return offer


# --- after the case ------------------------------------------------------------------------------------------------


def record_hours(loan_id: int, user, hours: Decimal, completed_on: date, *, now=None) -> Loan:
    """The mediator (or their coordinator) records the hours the case took; the request is completed.

    Recording again corrects the figures.
    """
    now = _now(now)
    if hours is None or hours <= 0 or hours > 1000:
        raise PoolError(_("Enter the hours as a number above 0 and at most 1000."))
    if completed_on is None or completed_on > timezone.localdate(now):
        raise PoolError(_("The date the case finished cannot be in the future."))
    with transaction.atomic():
        found = Loan.objects.filter(pk=loan_id).values("request_id").first()
        if found is None:
            raise PoolError(_("This loan no longer exists."))
        mediator_request = _locked_request(found["request_id"])
        loan = Loan.objects.select_for_update(of=("self",)).select_related("mediator").get(pk=loan_id)
        if not permissions.can_record_hours(user, loan):
            raise PoolError(_("Only the mediator and their coordinators can record the hours of this loan."))
        if mediator_request.status not in (RequestStatus.LOANED, RequestStatus.COMPLETED):
            raise PoolError(_("This request was withdrawn: there are no hours to record."))
        if completed_on < timezone.localdate(loan.approved_at):
            raise PoolError(_("The case cannot have finished before the loan was approved."))
        loan.hours = hours
        loan.completed_on = completed_on
        loan.hours_recorded_by, loan.hours_recorded_at = user, now
        loan.save(update_fields=["hours", "completed_on", "hours_recorded_by", "hours_recorded_at"])
        if mediator_request.status != RequestStatus.COMPLETED:
            mediator_request.status = RequestStatus.COMPLETED
            mediator_request.closed_at, mediator_request.closed_by = now, user
            mediator_request.save(update_fields=["status", "closed_at", "closed_by", "updated_at"])
    return loan
