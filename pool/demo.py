"""Demo content for the mediator pool (run by `manage.py demo_content`): networks, mediators, requests and a ledger.

What it shows right after `make run`: the Dutch network of seven municipalities (Almere, Hilversum and Zeist started
it) with its agreements and a pending request to join, a Danish network, a dozen mediator profiles (internal, pool,
both; one not available yet, one waiting for the coordinator's consent), external mediators of Almere and
Amersfoort, a request in every state and a year of finished loans, so the ledger has positive and negative balances.

Rows are written directly (not through the pool's services), in the states those services leave them in, with dates
relative to today so the demo stays fresh and without notifications to the demo users. Idempotent: organisations,
people, networks, profiles and external mediators are updated in place by their natural key (slug, e-mail, name);
a request that already exists (same network and title) is left alone, whatever the demo users did with it since.
Texts are in `demo_texts.py`.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.demo import DEMO_PASSWORD, demo_person
from accounts.models import Membership, Organisation, OrganisationDomain, User
from core.demo import register
from pool import demo_texts as texts
from pool.choices import (
    ConflictKind,
    Domain,
    Facet,
    Language,
    LendingConsent,
    MediatorKind,
    NetworkMembershipStatus,
    OfferStatus,
    RequestStatus,
    Urgency,
)
from pool.models import (
    ConflictDeclaration,
    Expertise,
    ExternalMediator,
    Loan,
    MediatorProfile,
    MediatorRequest,
    Network,
    NetworkMembership,
    Offer,
    Requester,
)

# The organisations accounts/demo.py does not have, so that the Dutch network has its seven municipalities.
ORGANISATIONS = [
    # slug, name, kind, country, region, demo e-mail domain (RFC 2606 .example)
    ("gooise-meren", "Gemeente Gooise Meren", "municipality", "NL", "Gooi en Vechtstreek", "gooisemeren.example"),
    ("utrechtse-heuvelrug", "Gemeente Utrechtse Heuvelrug", "municipality", "NL", "Utrecht", "heuvelrug.example"),
    ("lelystad", "Gemeente Lelystad", "municipality", "NL", "Flevoland", "lelystad.example"),
    ("frederiksberg", "Frederiksberg Kommune", "municipality", "DK", "Hovedstaden", "frederiksberg.example"),
]

COORDINATOR, MEMBER = Membership.Role.COORDINATOR, Membership.Role.MEMBER

# email, first name, last name, language, organisation slug, role, label in the printed log-ins (None: not printed)
PEOPLE = [
    ("coordinator@almere.example", "Anouk", "Meijer", "nl", "almere", COORDINATOR, "coordinator Almere (pool)"),
    ("b.kok@almere.example", "Bram", "Kok", "nl", "almere", MEMBER, "member allowed to ask the network (Almere)"),
    ("f.elamrani@almere.example", "Fatima", "El Amrani", "nl", "almere", MEMBER, None),
    ("r.dekker@almere.example", "Rob", "Dekker", "nl", "almere", MEMBER, "pool mediator Almere (on loan)"),
    (
        "m.hendriks@hilversum.example",
        "Marloes",
        "Hendriks",
        "nl",
        "hilversum",
        COORDINATOR,
        "network coordinator Midden-Nederland (Hilversum)",
    ),
    ("p.smit@hilversum.example", "Pieter", "Smit", "nl", "hilversum", MEMBER, None),
    ("coordinator@zeist.example", "Ellen", "de Wit", "nl", "zeist", COORDINATOR, "coordinator Zeist (pool)"),
    ("mediator@zeist.example", "Yvonne", "Bos", "nl", "zeist", MEMBER, "pool mediator Zeist (HR adviser)"),
    ("h.yilmaz@amersfoort.example", "Hatice", "Yılmaz", "nl", "amersfoort", MEMBER, None),
    (
        "t.vermeulen@amersfoort.example",
        "Tom",
        "Vermeulen",
        "nl",
        "amersfoort",
        MEMBER,
        "mediator waiting for consent (Amersfoort)",
    ),
    ("coordinator@gooisemeren.example", "Gert", "Schouten", "nl", "gooise-meren", COORDINATOR, None),
    ("i.mulder@gooisemeren.example", "Iris", "Mulder", "nl", "gooise-meren", MEMBER, None),
    ("coordinator@heuvelrug.example", "Hanneke", "Post", "nl", "utrechtse-heuvelrug", COORDINATOR, None),
    ("w.vandenberg@heuvelrug.example", "Wouter", "van den Berg", "nl", "utrechtse-heuvelrug", MEMBER, None),
    ("coordinator@lelystad.example", "Ruben", "Claassen", "nl", "lelystad", COORDINATOR, None),
    ("d.jacobs@lelystad.example", "Dewi", "Jacobs", "nl", "lelystad", MEMBER, None),
    (
        "coordinator@provincie-utrecht.example",
        "Rianne",
        "Vos",
        "nl",
        "provincie-utrecht",
        COORDINATOR,
        "coordinator Provincie Utrecht (asked to join)",
    ),
    ("k.lund@kk.example", "Kirsten", "Lund", "da", "koebenhavn", COORDINATOR, "network coordinator Hovedstaden (da)"),
    ("j.norgaard@kk.example", "Jonas", "Nørgaard", "da", "koebenhavn", MEMBER, "pool mediator København (da)"),
    ("koordinator@regionh.example", "Henrik", "Dahl", "da", "region-hovedstaden", COORDINATOR, None),
    ("l.friis@regionh.example", "Louise", "Friis", "da", "region-hovedstaden", MEMBER, None),
    ("koordinator@frederiksberg.example", "Camilla", "Berg", "da", "frederiksberg", COORDINATOR, None),
    ("m.jensen@frederiksberg.example", "Maja", "Jensen", "da", "frederiksberg", MEMBER, None),
]

ORGANISATION_OF = {row[0]: row[4] for row in PEOPLE}

# Who approves loans of (and asks on behalf of) each organisation in the demo.
COORDINATORS = {
    "almere": "coordinator@almere.example",
    "hilversum": "m.hendriks@hilversum.example",
    "zeist": "coordinator@zeist.example",
    "amersfoort": "coordinator@amersfoort.example",  # from accounts/demo.py
    "gooise-meren": "coordinator@gooisemeren.example",
    "utrechtse-heuvelrug": "coordinator@heuvelrug.example",
    "lelystad": "coordinator@lelystad.example",
    "provincie-utrecht": "coordinator@provincie-utrecht.example",
    "koebenhavn": "k.lund@kk.example",
    "region-hovedstaden": "koordinator@regionh.example",
    "frederiksberg": "koordinator@frederiksberg.example",
}

D, C, L = Facet.DOMAIN, Facet.CONFLICT, Facet.LANGUAGE
CITIZEN, EMPLOYMENT, BETWEEN = (
    ConflictKind.CITIZEN_GOVERNMENT,
    ConflictKind.EMPLOYER_EMPLOYEE,
    ConflictKind.BETWEEN_ORGANISATIONS,
)

# email: kind, lending consent, lent cases per quarter, not available for N days (None: available), register
# number, other registrations, work phone, domains, kinds of conflict, languages. Introductions in demo_texts.
PROFILES = {
    "f.elamrani@almere.example": (
        MediatorKind.INTERNAL,
        LendingConsent.NOT_ASKED,
        1,
        None,
        "",
        "Interne mediator volgens de regeling interne mediation van Almere",
        "",
        [Domain.SOCIAL],
        [CITIZEN],
        [Language.DUTCH, Language.ARABIC],
    ),
    "r.dekker@almere.example": (
        MediatorKind.BOTH,
        LendingConsent.CONFIRMED,
        2,
        None,
        "MfN 40213",
        "Interne mediator volgens de regeling interne mediation van Almere",
        "+31 36 000 0412",
        [Domain.HR],
        [EMPLOYMENT],
        [Language.DUTCH, Language.ENGLISH],
    ),
    "p.smit@hilversum.example": (
        MediatorKind.POOL,
        LendingConsent.CONFIRMED,
        2,
        None,
        "MfN 28764",
        "",
        "+31 35 000 0377",
        [Domain.HR, Domain.OTHER],
        [EMPLOYMENT, BETWEEN],
        [Language.DUTCH, Language.ENGLISH],
    ),
    "mediator@zeist.example": (
        MediatorKind.POOL,
        LendingConsent.CONFIRMED,
        3,
        None,
        "MfN 51120",
        "",
        "+31 30 000 0198",
        [Domain.HR, Domain.SOCIAL],
        [EMPLOYMENT, CITIZEN],
        [Language.DUTCH, Language.ENGLISH],
    ),
    "h.yilmaz@amersfoort.example": (
        MediatorKind.BOTH,
        LendingConsent.CONFIRMED,
        2,
        None,
        "",
        "Interne mediator, aangewezen door de gemeentesecretaris",
        "+31 33 000 0254",
        [Domain.SOCIAL, Domain.PUBLIC_SPACE],
        [CITIZEN],
        [Language.DUTCH, Language.TURKISH],
    ),
    "t.vermeulen@amersfoort.example": (
        MediatorKind.POOL,
        LendingConsent.PENDING,
        1,
        None,
        "",
        "",
        "+31 33 000 0311",
        [Domain.ENVIRONMENT],
        [CITIZEN, BETWEEN],
        [Language.DUTCH],
    ),
    "i.mulder@gooisemeren.example": (
        MediatorKind.POOL,
        LendingConsent.CONFIRMED,
        1,
        42,
        "MfN 33905",
        "",
        "+31 35 000 0530",
        [Domain.ENVIRONMENT],
        [BETWEEN, CITIZEN],
        [Language.DUTCH, Language.ENGLISH],
    ),
    "w.vandenberg@heuvelrug.example": (
        MediatorKind.POOL,
        LendingConsent.CONFIRMED,
        2,
        None,
        "MfN 47051",
        "",
        "+31 343 000 061",
        [Domain.TAXES],
        [CITIZEN],
        [Language.DUTCH, Language.GERMAN],
    ),
    "d.jacobs@lelystad.example": (
        MediatorKind.BOTH,
        LendingConsent.CONFIRMED,
        2,
        None,
        "",
        "Interne mediator van Lelystad",
        "+31 320 000 084",
        [Domain.HR, Domain.SOCIAL],
        [EMPLOYMENT, CITIZEN],
        [Language.DUTCH, Language.ENGLISH, Language.POLISH],
    ),
    "j.norgaard@kk.example": (
        MediatorKind.POOL,
        LendingConsent.CONFIRMED,
        2,
        None,
        "",
        "Uddannet mægler, Borgerrådgiverens mæglingsordning",
        "+45 3300 0101",
        [Domain.SOCIAL],
        [CITIZEN],
        [Language.DANISH, Language.ENGLISH],
    ),
    "l.friis@regionh.example": (
        MediatorKind.BOTH,
        LendingConsent.CONFIRMED,
        2,
        None,
        "",
        "Intern mægler i regionens HR-enhed",
        "+45 3800 0202",
        [Domain.HR],
        [EMPLOYMENT, BETWEEN],
        [Language.DANISH, Language.ENGLISH, Language.GERMAN],
    ),
    "m.jensen@frederiksberg.example": (
        MediatorKind.POOL,
        LendingConsent.CONFIRMED,
        2,
        None,
        "",
        "",
        "+45 3800 0303",
        [Domain.SOCIAL, Domain.PUBLIC_SPACE],
        [CITIZEN, BETWEEN],
        [Language.DANISH],
    ),
}

# organisation, name, firm, e-mail, region, register number, contact person, domains, conflicts, languages.
# The contract notes are in demo_texts, by firm.
EXTERNALS = [
    (
        "almere",
        "Jeroen Hofstra",
        "Hofstra Mediation & Conflictadvies",
        "j.hofstra@hofstra-mediation.example",
        "Flevoland",
        "MfN 31870",
        "coordinator@almere.example",
        [Domain.ENVIRONMENT, Domain.TAXES],
        [BETWEEN, CITIZEN],
        [Language.DUTCH, Language.ENGLISH],
    ),
    (
        "almere",
        "Nadia Boukhari",
        "Boukhari Arbeidsmediation",
        "info@boukhari-arbeidsmediation.example",
        "Flevoland",
        "MfN 45522",
        "b.kok@almere.example",
        [Domain.HR],
        [EMPLOYMENT],
        [Language.DUTCH, Language.ARABIC, Language.FRENCH],
    ),
    (
        "amersfoort",
        "Evert Kuipers",
        "Kuipers & Van Leeuwen Mediators",
        "e.kuipers@kuipers-vanleeuwen.example",
        "Utrecht",
        "MfN 19034",
        "coordinator@amersfoort.example",
        [Domain.SOCIAL],
        [CITIZEN],
        [Language.DUTCH, Language.GERMAN],
    ),
]

MIDDEN_NEDERLAND = "midden-nederland"
HOVEDSTADEN = "hovedstaden"

# slug, texts, network coordinators, participating organisations with the number of days since they joined.
NETWORKS = [
    (
        MIDDEN_NEDERLAND,
        texts.MIDDEN_NEDERLAND,
        ["m.hendriks@hilversum.example"],
        [
            ("almere", 1500),
            ("hilversum", 1500),
            ("zeist", 1500),
            ("amersfoort", 1200),
            ("gooise-meren", 900),
            ("utrechtse-heuvelrug", 700),
            ("lelystad", 450),
        ],
    ),
    (
        HOVEDSTADEN,
        texts.HOVEDSTADEN,
        ["k.lund@kk.example"],
        [("koebenhavn", 800), ("region-hovedstaden", 800), ("frederiksberg", 500)],
    ),
]

# Requests showing every step. `chosen` is the offer the requester picked; `done` the days since the case finished.
REQUESTS = [
    {
        "key": "terras",
        "network": MIDDEN_NEDERLAND,
        "organisation": "lelystad",
        "asker": "coordinator@lelystad.example",
        "status": RequestStatus.OPEN,
        "conflict": CITIZEN,
        "domain": Domain.PUBLIC_SPACE,
        "urgency": Urgency.SOON,
        "days_ago": 1,
    },
    {
        "key": "expat",
        "network": MIDDEN_NEDERLAND,
        "organisation": "amersfoort",
        "asker": "coordinator@amersfoort.example",
        "status": RequestStatus.OPEN,
        "conflict": EMPLOYMENT,
        "domain": Domain.HR,
        "language": Language.ENGLISH,
        "days_ago": 6,
    },
    {
        "key": "naheffing",
        "network": MIDDEN_NEDERLAND,
        "organisation": "almere",
        "asker": "coordinator@almere.example",
        "status": RequestStatus.CHOSEN,
        "conflict": CITIZEN,
        "domain": Domain.TAXES,
        "days_ago": 9,
        "chosen": "w.vandenberg@heuvelrug.example",
    },
    {
        "key": "reorganisatie",
        "network": MIDDEN_NEDERLAND,
        "organisation": "hilversum",
        "asker": "m.hendriks@hilversum.example",
        "status": RequestStatus.LOANED,
        "conflict": EMPLOYMENT,
        "domain": Domain.HR,
        "days_ago": 20,
        "chosen": "r.dekker@almere.example",
    },
    {
        "key": "wijkteam",
        "network": MIDDEN_NEDERLAND,
        "organisation": "zeist",
        "asker": "coordinator@zeist.example",
        "status": RequestStatus.LOANED,
        "conflict": CITIZEN,
        "domain": Domain.SOCIAL,
        "language": Language.TURKISH,
        "urgency": Urgency.SOON,
        "days_ago": 14,
        "chosen": "h.yilmaz@amersfoort.example",
        "conflicts": ["p.smit@hilversum.example"],
    },
    {
        "key": "thuiswerken",
        "network": MIDDEN_NEDERLAND,
        "organisation": "almere",
        "asker": "b.kok@almere.example",
        "status": RequestStatus.COMPLETED,
        "conflict": EMPLOYMENT,
        "domain": Domain.HR,
        "days_ago": 55,
        "chosen": "mediator@zeist.example",
        "hours": 6,
        "done": 15,
    },
    {
        "key": "subsidie",
        "network": MIDDEN_NEDERLAND,
        "organisation": "gooise-meren",
        "asker": "coordinator@gooisemeren.example",
        "status": RequestStatus.WITHDRAWN,
        "conflict": BETWEEN,
        "domain": Domain.SOCIAL,
        "days_ago": 30,
        "withdrawn": 24,
    },
    {
        "key": "samarbejde",
        "network": HOVEDSTADEN,
        "organisation": "region-hovedstaden",
        "asker": "koordinator@regionh.example",
        "status": RequestStatus.OPEN,
        "conflict": EMPLOYMENT,
        "domain": Domain.HR,
        "language": Language.DANISH,
        "days_ago": 4,
    },
    {
        "key": "hjemmehjaelp",
        "network": HOVEDSTADEN,
        "organisation": "koebenhavn",
        "asker": "k.lund@kk.example",
        "status": RequestStatus.LOANED,
        "conflict": CITIZEN,
        "domain": Domain.SOCIAL,
        "language": Language.DANISH,
        "days_ago": 18,
        "chosen": "m.jensen@frederiksberg.example",
    },
]

# The past year's finished loans: (network, borrowing organisation, lending mediator, hours, days since the case
# finished, kind of conflict, domain, text key). With the completed request above, Zeist lends more than it borrows
# and Almere borrows more than it lends.
HISTORY = [
    (MIDDEN_NEDERLAND, "almere", "p.smit@hilversum.example", 12, 340, EMPLOYMENT, Domain.HR, "re-integratie"),
    (MIDDEN_NEDERLAND, "hilversum", "r.dekker@almere.example", 8, 310, EMPLOYMENT, Domain.HR, "functioneren"),
    (MIDDEN_NEDERLAND, "zeist", "h.yilmaz@amersfoort.example", 9, 280, CITIZEN, Domain.SOCIAL, "bezwaar-wmo"),
    (MIDDEN_NEDERLAND, "amersfoort", "mediator@zeist.example", 14, 250, EMPLOYMENT, Domain.HR, "team-conflict"),
    (MIDDEN_NEDERLAND, "lelystad", "r.dekker@almere.example", 5, 220, CITIZEN, Domain.SOCIAL, "schuldhulp"),
    (MIDDEN_NEDERLAND, "almere", "d.jacobs@lelystad.example", 10, 205, CITIZEN, Domain.SOCIAL, "participatie"),
    (MIDDEN_NEDERLAND, "gooise-meren", "p.smit@hilversum.example", 7, 180, EMPLOYMENT, Domain.HR, "verlof"),
    (MIDDEN_NEDERLAND, "utrechtse-heuvelrug", "mediator@zeist.example", 16, 150, EMPLOYMENT, Domain.HR, "werkdruk"),
    (MIDDEN_NEDERLAND, "almere", "h.yilmaz@amersfoort.example", 11, 120, CITIZEN, Domain.PUBLIC_SPACE, "overlast"),
    (MIDDEN_NEDERLAND, "zeist", "w.vandenberg@heuvelrug.example", 4, 115, CITIZEN, Domain.TAXES, "woz"),
    (MIDDEN_NEDERLAND, "hilversum", "i.mulder@gooisemeren.example", 6, 95, BETWEEN, Domain.ENVIRONMENT, "grenzen"),
    (MIDDEN_NEDERLAND, "amersfoort", "d.jacobs@lelystad.example", 13, 80, EMPLOYMENT, Domain.HR, "promotie"),
    (MIDDEN_NEDERLAND, "almere", "mediator@zeist.example", 18, 60, EMPLOYMENT, Domain.HR, "nieuwe-functie"),
    (MIDDEN_NEDERLAND, "lelystad", "p.smit@hilversum.example", 3, 40, CITIZEN, Domain.SOCIAL, "jeugd"),
    (HOVEDSTADEN, "koebenhavn", "l.friis@regionh.example", 10, 300, EMPLOYMENT, Domain.HR, "leder-medarbejder"),
    (HOVEDSTADEN, "region-hovedstaden", "m.jensen@frederiksberg.example", 7, 200, BETWEEN, Domain.OTHER, "vejarbejde"),
    (HOVEDSTADEN, "frederiksberg", "j.norgaard@kk.example", 12, 130, CITIZEN, Domain.SOCIAL, "handicap"),
    (HOVEDSTADEN, "koebenhavn", "m.jensen@frederiksberg.example", 6, 50, CITIZEN, Domain.PUBLIC_SPACE, "parkering"),
]

# How long the steps of a finished case took, counted from the day it was asked.
OFFERED_AFTER, CHOSEN_AFTER, APPROVED_AFTER, CASE_DAYS = 1, 4, 6, 40


def _users():
    return {user.email: user for user in User.objects.filter(email__in=[*COORDINATORS.values(), *PROFILES])}


def _expertise(owner_field, owner, domains, conflicts, languages):
    """Make the owner's expertise rows exactly these, keeping rows that are already there."""
    wanted = {(D, v) for v in domains} | {(C, v) for v in conflicts} | {(L, v) for v in languages}
    rows = Expertise.objects.filter(**{owner_field: owner})
    for row in rows:
        if (row.facet, row.value) not in wanted:
            row.delete()
    present = {(row.facet, row.value) for row in rows}
    for facet, value in sorted(wanted - present):
        Expertise.objects.create(**{owner_field: owner}, facet=facet, value=value)


def _profiles(users, now):
    for email in PROFILES:
        kind, consent, capacity, away, register_number, registrations, phone, domains, conflicts, languages = PROFILES[
            email
        ]
        user = users[email]
        organisation = Organisation.objects.get(slug=ORGANISATION_OF[email])
        confirmed = consent == LendingConsent.CONFIRMED
        profile, _created = MediatorProfile.objects.update_or_create(
            user=user,
            defaults={
                "organisation": organisation,
                "kind": kind,
                "region": organisation.region,
                "register_number": register_number,
                "registrations": registrations,
                "phone": phone,
                "capacity_per_quarter": capacity,
                "available_from": now.date() + timedelta(days=away) if away else None,
                "introduction": texts.INTRODUCTIONS[email],
                "lending_consent": consent,
                "consent_decided_by": users[COORDINATORS[organisation.slug]] if confirmed else None,
                "consent_decided_at": now - timedelta(days=400) if confirmed else None,
            },
        )
        _expertise("profile", profile, domains, conflicts, languages)


def _externals(users):
    for org_slug, name, firm, email, region, register_number, contact, domains, conflicts, languages in EXTERNALS:
        external, _created = ExternalMediator.objects.update_or_create(
            organisation=Organisation.objects.get(slug=org_slug),
            name=name,
            defaults={
                "firm": firm,
                "email": email,
                "region": region,
                "register_number": register_number,
                "contact_person": users.get(contact) or User.objects.get(email=contact),
                "contract_notes": texts.EXTERNAL_NOTES[firm],
                "created_by": users.get(COORDINATORS[org_slug]),
            },
        )
        _expertise("external", external, domains, conflicts, languages)


def _network(slug, content, coordinator_emails, members, users, now):
    coordinators = [users[email] for email in coordinator_emails]
    network, _created = Network.objects.update_or_create(
        slug=slug,
        defaults={"name": content["name"], "description": content["description"]},
        create_defaults={
            "name": content["name"],
            "description": content["description"],
            "agreements": content["agreements"],
            "agreements_updated_at": now - timedelta(days=60),
            "agreements_updated_by": coordinators[0],
        },
    )
    network.coordinators.add(*coordinators)
    for org_slug, days in members:
        joined = now - timedelta(days=days)
        NetworkMembership.objects.update_or_create(
            network=network,
            organisation=Organisation.objects.get(slug=org_slug),
            defaults={
                "status": NetworkMembershipStatus.ACTIVE,
                "requested_by": users.get(COORDINATORS[org_slug]),
                "requested_at": joined - timedelta(days=10),
                "decided_by": coordinators[0],
                "decided_at": joined,
            },
        )
    return network


def _offer(request, mediator, message, created, status=OfferStatus.OPEN):
    return Offer.objects.create(
        request=request,
        mediator=mediator,
        organisation=mediator.organisation,
        message=message,
        status=status,
        created_at=created,
    )


def _case(network, spec, text, profiles, users, now):
    """One request in the state the spec asks for, with its offers, conflict declarations and loan."""
    if MediatorRequest.objects.filter(network=network, title=text["title"]).exists():
        return
    organisation = Organisation.objects.get(slug=spec["organisation"])
    asker = users.get(spec["asker"]) or User.objects.get(email=spec["asker"])
    created = now - timedelta(days=spec["days_ago"])
    status = spec["status"]
    request = MediatorRequest.objects.create(
        network=network,
        organisation=organisation,
        requested_by=asker,
        title=text["title"],
        description=text["description"],
        conflict_kind=spec["conflict"],
        domain=spec["domain"],
        language=spec.get("language", Language.DUTCH),
        urgency=spec.get("urgency", Urgency.NORMAL),
        period_start=created.date() + timedelta(days=7),
        period_end=created.date() + timedelta(days=60),
        status=status,
        created_at=created,
    )
    for number, email in enumerate(spec.get("conflicts", []), start=1):
        ConflictDeclaration.objects.create(
            request=request, mediator=profiles[email], created_at=created + timedelta(hours=5 * number)
        )
    offers = {
        email: _offer(request, profiles[email], message, created + timedelta(days=OFFERED_AFTER, hours=3 * number))
        for number, (email, message) in enumerate(text.get("offers", {}).items())
    }
    chosen_at = created + timedelta(days=CHOSEN_AFTER)
    approved_at = created + timedelta(days=APPROVED_AFTER)

    if status == RequestStatus.WITHDRAWN:
        closed_at = now - timedelta(days=spec["withdrawn"])
        for offer in offers.values():
            offer.status, offer.decided_at, offer.decided_by = OfferStatus.DECLINED, closed_at, asker
            offer.reason = text["offer_reason"]
            offer.save()
        request.closed_at, request.closed_by, request.close_reason = closed_at, asker, text["close_reason"]
        request.save()
        return

    if "chosen" not in spec:
        return
    chosen = offers[spec["chosen"]]
    chosen.committed_at = chosen_at
    for offer in offers.values():
        if offer is not chosen:
            offer.status, offer.decided_at, offer.decided_by = OfferStatus.DECLINED, chosen_at, asker
            offer.reason = text.get("declined_reason", "")
            offer.save()
    if status == RequestStatus.CHOSEN:
        chosen.status = OfferStatus.CHOSEN
        chosen.save()
        return

    lender_coordinator = users[COORDINATORS[chosen.organisation.slug]]
    chosen.status, chosen.decided_at, chosen.decided_by = OfferStatus.APPROVED, approved_at, lender_coordinator
    chosen.save()
    loan = Loan(
        request=request,
        offer=chosen,
        mediator=chosen.mediator,
        network=network,
        lending_organisation=chosen.organisation,
        borrowing_organisation=organisation,
        approved_by=lender_coordinator,
        approved_at=approved_at,
    )
    if status == RequestStatus.COMPLETED:
        finished = now - timedelta(days=spec["done"])
        loan.hours = Decimal(spec["hours"])
        loan.completed_on = finished.date()
        loan.hours_recorded_by = chosen.mediator.user
        loan.hours_recorded_at = finished + timedelta(days=1)
        request.closed_at, request.closed_by = loan.hours_recorded_at, chosen.mediator.user
        request.save()
    loan.save()


def _history_spec(network_slug, borrower, mediator_email, hours, done, conflict, domain):
    return {
        "network": network_slug,
        "organisation": borrower,
        "asker": COORDINATORS[borrower],
        "status": RequestStatus.COMPLETED,
        "conflict": conflict,
        "domain": domain,
        "language": Language.DANISH if network_slug == HOVEDSTADEN else Language.DUTCH,
        "days_ago": done + CASE_DAYS,
        "chosen": mediator_email,
        "hours": hours,
        "done": done,
    }


def load(progress):
    now = timezone.now()
    for slug, name, kind, country, region, domain in progress.iterate(ORGANISATIONS, "pool organisations"):
        organisation, _created = Organisation.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "kind": kind, "country": country, "region": region, "is_verified": True},
        )
        OrganisationDomain.objects.get_or_create(organisation=organisation, domain=domain)

    credentials = []
    for row in progress.iterate([(row, row[0]) for row in PEOPLE], "pool people"):
        email, first, last, language, org_slug, role, label = row[0]
        demo_person(email, first, last, language, org_slug, role)
        if label:
            credentials.append((label, email))
    users = _users()

    _profiles(users, now)
    profiles = {profile.user.email: profile for profile in MediatorProfile.objects.select_related("user")}
    progress.step(f"mediator profiles: {len(PROFILES)}")
    _externals(users)
    progress.step(f"external mediators: {len(EXTERNALS)}")
    Requester.objects.get_or_create(
        organisation=Organisation.objects.get(slug="almere"),
        user=User.objects.get(email="b.kok@almere.example"),
        defaults={"granted_by": users["coordinator@almere.example"], "granted_at": now - timedelta(days=200)},
    )

    networks = {}
    for row in progress.iterate([(row, row[1]["name"]) for row in NETWORKS], "networks"):
        slug, content, coordinators, members = row[0]
        networks[slug] = _network(slug, content, coordinators, members, users, now)
    # Provincie Utrecht has asked to join the Dutch network; the network coordinator has not decided yet.
    NetworkMembership.objects.get_or_create(
        network=networks[MIDDEN_NEDERLAND],
        organisation=Organisation.objects.get(slug="provincie-utrecht"),
        defaults={
            "status": NetworkMembershipStatus.REQUESTED,
            "motivation": texts.JOIN_MOTIVATION,
            "requested_by": User.objects.get(email=COORDINATORS["provincie-utrecht"]),
            "requested_at": now - timedelta(days=3),
        },
    )

    for row in progress.iterate([(spec, texts.REQUESTS[spec["key"]]["title"]) for spec in REQUESTS], "requests"):
        spec = row[0]
        _case(networks[spec["network"]], spec, texts.REQUESTS[spec["key"]], profiles, users, now)
    for row in progress.iterate([(row, texts.HISTORY[row[-1]][0]) for row in HISTORY], "finished loans"):
        network_slug, *fields, key = row[0]
        title, description = texts.HISTORY[key]
        text = {"title": title, "description": description, "offers": {fields[1]: ""}}
        _case(networks[network_slug], _history_spec(network_slug, *fields), text, profiles, users, now)

    progress.credentials(credentials, DEMO_PASSWORD)


register(load, order=100)
