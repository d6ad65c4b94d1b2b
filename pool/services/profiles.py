"""Mediator profiles, the coordinator's confirmation that a colleague may be lent out, and who may ask the networks.

A profile enters the pool only once a coordinator of the mediator's organisation confirms the lending (their
manager agreed). Offering oneself to the pool again, or for another organisation, asks again; going back to
internal-only forgets the question. Two coordinators may click at once: the decision locks the profile row.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership
from pool import permissions
from pool.choices import Facet, LendingConsent, OfferStatus, RequestStatus
from pool.errors import PoolError
from pool.models import Expertise, MediatorProfile, MediatorRequest, Requester

# The profile's own fields a form may set; everything else (user, consent) is the service's business.
PROFILE_FIELDS = (
    "kind",
    "region",
    "register_number",
    "registrations",
    "phone",
    "capacity_per_quarter",
    "available_from",
    "introduction",
)
# Form field → expertise facet.
EXPERTISE_FIELDS = {"domains": Facet.DOMAIN, "conflict_kinds": Facet.CONFLICT, "languages": Facet.LANGUAGE}
REFUSED_CONSENT = (LendingConsent.NOT_ASKED, LendingConsent.REFUSED)


@dataclass(frozen=True)
class SavedProfile:
    profile: MediatorProfile
    created: bool
    # The profile now waits for a coordinator's confirmation that it did not wait for before: tell them.
    consent_requested: bool


def replace_expertise(owner: dict[str, Any], cleaned: Mapping[str, Any]) -> None:
    """Make the expertise rows of `owner` ({"profile": …} or {"external": …}) exactly what the form chose."""
    wanted = {(facet.value, value) for field, facet in EXPERTISE_FIELDS.items() for value in (cleaned.get(field) or ())}
    existing = {(row.facet, row.value): row.pk for row in Expertise.objects.filter(**owner)}
    Expertise.objects.filter(pk__in=[pk for key, pk in existing.items() if key not in wanted]).delete()
    Expertise.objects.bulk_create(
        [Expertise(facet=facet, value=value, **owner) for facet, value in sorted(wanted - existing.keys())]
    )


def expertise_initial(rows: Iterable[Expertise]) -> dict[str, list[str]]:
    """The form's initial checkbox values for existing expertise rows."""
    by_facet = {facet: field for field, facet in EXPERTISE_FIELDS.items()}
    initial: dict[str, list[str]] = {field: [] for field in EXPERTISE_FIELDS}
    for row in rows:
        initial[by_facet[Facet(row.facet)]].append(row.value)
    return initial


def save_profile(user, cleaned: Mapping[str, Any]) -> SavedProfile:
    """Create or update `user`'s mediator profile from a valid form's cleaned data (organisation, PROFILE_FIELDS,
    and the expertise fields domains, conflict_kinds, languages)."""
    organisation = cleaned["organisation"]
    with transaction.atomic():
        if not Membership.objects.active().filter(user=user, organisation=organisation).exists():
            raise PoolError(_("You can only mediate for an organisation you are an active member of."))
        profile = MediatorProfile.objects.select_for_update().filter(user=user).first()
        created = profile is None
        if profile is None:
            profile = MediatorProfile(user=user)
        moved = not created and profile.organisation_id != organisation.pk
        profile.organisation = organisation
        for name in PROFILE_FIELDS:
            setattr(profile, name, cleaned[name])
        consent_requested = False
        if not profile.offers_to_pool:
            _set_consent(profile, LendingConsent.NOT_ASKED)
        elif profile.lending_consent in REFUSED_CONSENT or (moved and not profile.is_consent_pending):
            # Another organisation's coordinator has not confirmed anything yet.
            _set_consent(profile, LendingConsent.PENDING)
            consent_requested = True
        profile.save()
        replace_expertise({"profile": profile}, cleaned)
    return SavedProfile(profile=profile, created=created, consent_requested=consent_requested)


def _set_consent(profile: MediatorProfile, consent: str, decided_by=None) -> None:
    profile.lending_consent = consent
    profile.consent_decided_by = decided_by
    profile.consent_decided_at = timezone.now() if decided_by is not None else None


def decide_consent(profile_id: int, *, confirm: bool, decided_by) -> MediatorProfile:
    """A coordinator of the mediator's organisation confirms that the colleague may be lent out, or refuses (also
    takes back an earlier confirmation)."""
    with transaction.atomic():
        profile = MediatorProfile.objects.select_for_update().filter(pk=profile_id).first()
        if profile is None or not permissions.CONFIRM_LENDING(decided_by, profile):
            raise PoolError(_("You cannot decide about lending this mediator."))
        wanted = LendingConsent.CONFIRMED if confirm else LendingConsent.REFUSED
        if profile.lending_consent == wanted:
            raise PoolError(_("This had already been decided."))
        _set_consent(profile, wanted, decided_by)
        profile.save(update_fields=["lending_consent", "consent_decided_by", "consent_decided_at", "updated_at"])
    return profile


def release_chosen_requests(profile: MediatorProfile) -> None:
    """Requests waiting for the approval of this mediator's chosen offer open again before the offer goes: the
    requester can choose another one."""
    MediatorRequest.objects.filter(
        status=RequestStatus.CHOSEN, offers__mediator=profile, offers__status=OfferStatus.CHOSEN
    ).update(status=RequestStatus.OPEN, updated_at=timezone.now())


def delete_profile(user) -> bool:
    """Remove `user`'s mediator profile with its expertise and offers. Approved loans stay in the ledger without
    the mediator. Returns whether there was a profile."""
    with transaction.atomic():
        profile = MediatorProfile.objects.select_for_update().filter(user=user).first()
        if profile is None:
            return False
        release_chosen_requests(profile)
        profile.delete()
    return True


# --- members allowed to ask the networks ---------------------------------------------------------------------------


def add_requester(organisation, member, *, granted_by) -> Requester:
    """Allow `member` to ask the networks on behalf of `organisation` (its coordinators always may)."""
    with transaction.atomic():
        if organisation.pk not in permissions.coordinated_organisation_ids(granted_by):
            raise PoolError(_("Only a coordinator of the organisation can allow this."))
        if not Membership.objects.active().filter(user=member, organisation=organisation).exists():
            raise PoolError(_("Only active members of the organisation can be allowed to ask the networks."))
        requester, _created = Requester.objects.get_or_create(
            organisation=organisation, user=member, defaults={"granted_by": granted_by}
        )
    return requester


def remove_requester(requester_id: int, *, organisation, removed_by) -> None:
    with transaction.atomic():
        if organisation.pk not in permissions.coordinated_organisation_ids(removed_by):
            raise PoolError(_("Only a coordinator of the organisation can change this."))
        Requester.objects.filter(pk=requester_id, organisation=organisation).delete()


# --- a membership ended --------------------------------------------------------------------------------------------


def end_mediation_for(user, organisation) -> None:
    """`user` is no longer a member of `organisation`: they no longer mediate for it.

    Their offers still in play are withdrawn (a request waiting for the approval of their chosen offer opens
    again), the coordinator's confirmation that they may be lent out lapses, and they may no longer ask the
    networks on its behalf. The profile itself stays theirs: they may mediate for another organisation.
    """
    with transaction.atomic():
        Requester.objects.filter(user=user, organisation=organisation).delete()
        profile = MediatorProfile.objects.select_for_update().filter(user=user, organisation=organisation).first()
        if profile is None:
            return
        release_chosen_requests(profile)
        profile.offers.filter(status__in=[OfferStatus.OPEN, OfferStatus.CHOSEN]).update(
            status=OfferStatus.WITHDRAWN,
            committed_at=None,
            decided_at=timezone.now(),
            reason=_("The mediator's membership of the organisation ended."),
        )
        if profile.lending_consent != LendingConsent.NOT_ASKED:
            _set_consent(profile, LendingConsent.NOT_ASKED)
            profile.save(update_fields=["lending_consent", "consent_decided_by", "consent_decided_at", "updated_at"])
